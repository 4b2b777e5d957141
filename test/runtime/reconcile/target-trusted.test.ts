import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Connector } from '../../../runtime/operations/connector.js';
import { openFileSink } from '../../../runtime/reconcile/event-sink.js';
import { runReconciliation, type ReconcileSummary } from '../../../runtime/reconcile/run-reconciliation.js';
import { byEvent, startReconHarness, type ReconHarness } from './reconcile-support.js';

const modes = suite('reconcile: target and trusted mode, match and action rules');
let h: ReconHarness;

modes.before.each(async () => {
  h = await startReconHarness({ users: 60 });
});
modes.after.each(() => h.close());

const users = () => h.fake.users({ limit: 1000 });

modes('target mode: unmatched accounts are reported once, matching identities are linked, nothing repeats', async () => {
  const [first, second] = users();
  const linked = h.state.createIdentity({ 'User Login': String(first!['userPrincipalName']).toUpperCase() });
  const { summary, events } = await h.reconcile({});
  assert.is(summary.objects, 60);
  assert.is(events.length, 60);
  assert.equal(byEvent(events)['link'], [first!.id]);
  const link = events.find((e) => e.event === 'link')!;
  assert.is(link.identity, linked);
  assert.is(link.rule, 1);
  assert.is(link.attributes!['User Principal Name'], first!['userPrincipalName'], 'ignoreCase is the default');
  assert.is(h.state.getLinkByUid({ definition: 'office365', objectClass: 'user', uid: first!.id })?.identityId, linked);

  const again = await h.reconcile({});
  assert.equal(again.events, [], 'a second full run over unchanged accounts reports nothing');

  // An identity that appears later links an account that was reported unmatched before.
  const later = h.state.createIdentity({ 'User Login': String(second!['userPrincipalName']) });
  const third = await h.reconcile({});
  assert.equal(third.events.map((e) => [e.event, e.uid, e.identity]), [['link', second!.id, later]]);
});

modes('--special reads the special attributes of the map with a request per account; a run without them keeps their values', async () => {
  const { summary, events } = await h.reconcile({ specials: ['manager'] });
  assert.is(summary.objects, 60);
  assert.is(events.length, 60);
  const withManager = events.filter((e) => typeof e.attributes!['Manager'] === 'string');
  assert.is(withManager.length, 59, 'every user but the first has a manager in the seed');
  assert.is(events.filter((e) => e.attributes!['Manager'] === null).length, 1);
  // Fields of specials this run did not read are kept, not reported as cleared.
  assert.equal((await h.reconcile({})).events, []);
  assert.equal((await h.reconcile({ specials: ['manager'] })).events, [], 'read again, unchanged');
});

modes('target mode: several matching identities are a conflict and change nothing', async () => {
  const [first] = users();
  const upn = String(first!['userPrincipalName']);
  const ids = [h.state.createIdentity({ 'User Login': upn }), h.state.createIdentity({ 'User Login': upn.toLowerCase() })];
  const { events } = await h.reconcile({ uid: first!.id });
  assert.equal(events.map((e) => [e.event, e.identities, e.rule]), [['conflict', ids, 1]]);
  assert.is(h.state.getLinkByUid({ definition: 'office365', objectClass: 'user', uid: first!.id })?.identityId, undefined);
});

modes('target mode: a linked account that changed reports only the changed fields', async () => {
  const [first] = users();
  h.state.createIdentity({ 'User Login': String(first!['userPrincipalName']) });
  await h.reconcile({});
  h.fake.mutateUsers({ update: 60, set: { jobTitle: 'Chief Tester' } });
  const { events } = await h.reconcile({});
  const update = events.find((e) => e.uid === first!.id)!;
  assert.equal([update.event, update.attributes], ['update', { 'Job Title': 'Chief Tester' }]);
  assert.equal(byEvent(events)['unmatched']?.length, 59, 'unlinked accounts that changed are reported again');
});

modes('trusted mode: no match creates an identity with the trusted defaults and status, then links it', async () => {
  const { events } = await h.reconcile({ trusted: true });
  assert.is(events.length, 60);
  assert.equal(Object.keys(byEvent(events)), ['create']);
  assert.is(h.state.countIdentities(), 60);
  const [first] = users();
  const created = events.find((e) => e.uid === first!.id)!;
  const identity = h.state.getIdentity(created.identity!)!;
  assert.is(identity.fields['User Login'], first!['userPrincipalName']);
  assert.is(identity.fields['Office365 GUID'], first!.id);
  assert.is(identity.fields['Employee Type'], 'Full-Time');
  assert.is(identity.fields['Organization'], 'Xellerate Users');
  assert.is(identity.fields['User Type'], 'End-User');
  assert.is(identity.fields['Status'], first!['accountEnabled'] ? 'Active' : 'Disabled');
  assert.is(created.attributes!['Employee Type'], 'Full-Time', 'the create event shows the identity as created');
  assert.equal((await h.reconcile({ trusted: true })).events, []);
});

modes('trusted mode: the second rule (Office365 GUID) matches when the login differs; changes update the identity', async () => {
  const [first] = users();
  const id = h.state.createIdentity({ 'User Login': 'someone.else', 'Office365 GUID': first!.id, 'Employee Type': 'Contractor' });
  const { events } = await h.reconcile({ trusted: true, uid: first!.id });
  assert.equal(events.map((e) => [e.event, e.identity, e.rule]), [['link', id, 2]]);
  const identity = h.state.getIdentity(id)!;
  assert.is(identity.fields['User Login'], first!['userPrincipalName'], 'oneMatch "update" copies the trusted fields');
  assert.is(identity.fields['Employee Type'], 'Contractor', 'defaults apply to new identities only');
  h.fake.mutateUsers({ update: 60, set: { displayName: 'Renamed' } });
  const changed = await h.reconcile({ trusted: true, uid: first!.id });
  assert.equal(changed.events.map((e) => [e.event, e.attributes]), [['update', { 'Display Name': 'Renamed' }]]);
  assert.is(h.state.getIdentity(id)!.fields['Display Name'], 'Renamed');
});

modes('a full run reports known accounts the target no longer has; trusted mode deletes their identities', async () => {
  await h.reconcile({ trusted: true });
  const { deleted } = h.fake.mutateUsers({ delete: 3 });
  const { events } = await h.reconcile({ trusted: true });
  assert.equal(byEvent(events), { delete: [...deleted].sort() });
  assert.is(h.state.countIdentities(), 57);
  assert.ok(events.every((e) => typeof e.name === 'string' && typeof e.identity === 'number'));
  assert.equal((await h.reconcile({ trusted: true })).events, [], 'a deletion is reported once');
});

modes('trusted mode with deleteAction disable sets the mapped disabled status instead of deleting the identity', async () => {
  const definition = h.connector.definition;
  const recon = definition.reconciliation.get('user')!;
  const disabling = { ...definition, reconciliation: new Map([['user', { ...recon, deleteAction: 'disable' as const }]]) };
  const connector = Connector.create(disabling, h.connector.session.connection.settings, { state: h.state, ca: h.fake.caFile });
  try {
    const run = (): Promise<ReconcileSummary> => runReconciliation(connector.session, { objectClass: 'user', mode: 'full', trusted: true, openSink: (at) => openFileSink(`${h.dir}/disable.ndjson`, at).sink });
    await run();
    const { deleted } = h.fake.mutateUsers({ delete: 1 });
    const summary = await run();
    assert.equal(summary.counts.disable, 1);
    const link = [...h.state.allIdentities()].find((identity) => identity.fields['Office365 GUID'] === deleted[0])!;
    assert.is(link.fields['Status'], 'Disabled');
    assert.is(h.state.countIdentities(), 60);
  } finally {
    await connector.close();
  }
});

modes('a filtered run (OIM Filter Suffix) reconciles only matching accounts and never reports the others as deleted', async () => {
  await h.reconcile({});
  const [first] = users();
  const filtered = await h.reconcile({ filter: `userPrincipalName eq "${String(first!['userPrincipalName'])}"` });
  assert.is(filtered.summary.mode, 'filtered');
  assert.is(filtered.summary.objects, 1);
  assert.equal(filtered.events, []);
  const raw = await h.reconcile({ rawFilter: `id eq '${first!.id}'` });
  assert.is(raw.summary.objects, 1);
});

modes('limited reconciliation of one uid; a uid the target does not have is a deletion when known', async () => {
  await h.reconcile({});
  const { deleted } = h.fake.mutateUsers({ delete: 1 });
  const { events, summary } = await h.reconcile({ uid: deleted[0]! });
  assert.is(summary.mode, 'filtered');
  assert.equal(events.map((e) => [e.event, e.uid]), [['delete', deleted[0]]]);
});

modes.run();
