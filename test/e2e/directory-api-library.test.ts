// The library API (runtime/index.ts) used directly, the way an application embeds the
// connector: load the definition, create a connector with settings and a state store,
// run operations, stream a search, close.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startDirectoryApi } from '../../fixtures/directory-api/index.js';
import { ConnectorError, createConnector, loadDefinition, openStateStore, type ConnectorObject } from '../../runtime/index.js';
import { directoryDefinition } from '../support/directory-cli.js';

test('library: create, get, update, search, disable and delete through createConnector', async () => {
  const api = await startDirectoryApi({ seed: 3 });
  const state = openStateStore(':memory:');
  const definition = await loadDefinition(directoryDefinition);
  const connector = createConnector(
    definition,
    { baseUrl: api.baseUrl, tokenUrl: api.tokenUrl, clientId: api.clientId, clientSecret: api.clientSecret, pageSize: 2 },
    { state, actor: 'library-test', ...(api.caFile && { ca: api.caFile }) },
  );
  try {
    const { teamIds } = api.seed({ accounts: 3, teams: 1, membersPerTeam: 0 });
    const created = await connector.create('__ACCOUNT__', { __NAME__: 'lib.user', fullName: 'Lib User', __PASSWORD__: 'Library-passw0rd', teams: teamIds });
    assert.equal([created.status, created.name, created.steps.length], ['success', 'lib.user', 2]);

    const read = await connector.get('account', created.uid);
    assert.equal([read.__NAME__, read.__ENABLE__, read.teams], ['lib.user', true, teamIds]);

    const updated = await connector.update('account', created.uid, { title: 'Librarian', fullName: 'Lib User' });
    assert.equal(updated.steps.map((s) => s.id), ['update']);
    assert.is(api.state().accounts.find((a) => a.accountId === created.uid)?.title, 'Librarian');

    const all: ConnectorObject[] = [];
    for await (const object of connector.search('account', { filter: 'startsWith(login, "user.") or title eq "Librarian"' })) all.push(object);
    assert.equal(all.map((o) => o.__NAME__), ['user.00001', 'user.00002', 'user.00003', 'lib.user']);

    await connector.disable('account', created.uid);
    assert.is(api.state().accounts.find((a) => a.accountId === created.uid)?.status, 'SUSPENDED');

    await connector.delete('account', created.uid);
    const missing = await connector.get('account', created.uid).catch((error: unknown) => error);
    assert.instance(missing, ConnectorError);
    assert.is((missing as ConnectorError).kind, 'UnknownUid');

    const audit = state.listAudit({ limit: 10 }).map((r) => `${r.operation} ${r.outcome} ${r.actor}`);
    assert.equal(audit.slice().sort(), ['create success library-test', 'delete success library-test', 'disable success library-test', 'update success library-test']);
  } finally {
    await connector.close();
    state.close();
    await api.close();
  }
});

test.run();
