// definitions/scim2 without a server: it validates, and `connector plan` shows the SCIM
// requests (PatchOp bodies, filters, paging parameters) with secrets redacted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/run-cli.js';
import { scimDefinition } from '../support/scim-cli.js';

const plan = suite('scim2: validate and plan');
const dir = mkdtempSync(join(tmpdir(), 'grc-scim-plan-'));
const bearer = ['--set', 'baseUrl=https://scim.example.com/scim/v2', '--set', 'token=Plan-Token-Value'];

interface PlannedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
}

async function planned(args: readonly string[], input?: string): Promise<PlannedRequest[]> {
  const result = await runCli(['plan', scimDefinition, ...args, '--json'], input === undefined ? {} : { input });
  assert.is(result.code, 0, result.stderr);
  assert.not.match(result.stdout + result.stderr, /Plan-Token-Value|Plan-Passw0rd/);
  return result.stdout.trim().split('\n').map((line) => JSON.parse(line) as PlannedRequest);
}

plan('validate: the SCIM definition is valid (exit 0)', async () => {
  const result = await runCli(['validate', scimDefinition]);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /valid definition "scim2" \(classes: user, group; lookups: 1\)/);
});

plan('plan create: the core attributes with schemas in the POST, SCIM content type, then one PatchOp per special attribute', async () => {
  const attrs = join(dir, 'user.json');
  writeFileSync(attrs, JSON.stringify({ __NAME__: 'zoe', 'name.givenName': 'Zoë', __PASSWORD__: 'Plan-Passw0rd', department: 'R&D', groups: ['g-1'] }));
  const requests = await planned(['create', '--class', 'user', '--attrs', attrs, ...bearer]);
  assert.equal(requests.map((r) => `${r.method} ${r.url}`), [
    'POST https://scim.example.com/scim/v2/Users',
    'PATCH https://scim.example.com/scim/v2/Users/{uid}',
    'PATCH https://scim.example.com/scim/v2/Groups/g-1',
  ]);
  const [post, department, group] = requests as [PlannedRequest, PlannedRequest, PlannedRequest];
  assert.equal(post.body, {
    userName: 'zoe',
    name: { givenName: 'Zoë' },
    password: '<redacted>',
    active: true,
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  });
  assert.is(post.headers['Content-Type'], 'application/scim+json');
  assert.is(post.headers.Authorization, '<redacted>');
  assert.equal(department.body!.Operations, [{ op: 'replace', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: 'R&D' }]);
  assert.equal(group.body!.Operations, [{ op: 'add', path: 'members', value: [{ value: '{uid}' }] }]);
});

plan('plan update: a PatchOp built from the changes; null clears with remove', async () => {
  const [patch] = await planned(['update', '--class', 'user', '--uid', 'u-1', '--attrs', '-', ...bearer], '{"title": null, "active": false, "name.familyName": "Doe"}');
  assert.equal(patch!.body, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      { op: 'remove', path: 'title' },
      { op: 'replace', path: 'active', value: false },
      { op: 'replace', path: 'name.familyName', value: 'Doe' },
    ],
  });
});

plan('plan search: the SCIM filter with RFC escapes, startIndex 1 and count from pageSize', async () => {
  const [search] = await planned(['search', '--class', 'user', '--filter', 'startsWith(userName, "o\\"b") and title eq null', '--set', 'pageSize=50', ...bearer]);
  const url = new URL(search!.url);
  assert.is(url.pathname, '/scim/v2/Users');
  assert.is(url.searchParams.get('filter'), 'userName sw "o\\"b" and not (title pr)');
  assert.equal([url.searchParams.get('startIndex'), url.searchParams.get('count')], ['1', '50']);
});

plan('plan with basic auth settings: the same definition, Authorization redacted', async () => {
  const [get] = await planned(['get', '--class', 'group', '--uid', 'g 1', '--set', 'baseUrl=https://scim.example.com/scim/v2', '--set', 'username=admin', '--set', 'password=Plan-Passw0rd']);
  assert.equal([get!.method, get!.url, get!.headers.Authorization], ['GET', 'https://scim.example.com/scim/v2/Groups/g%201', '<redacted>']);
});

plan.run();
