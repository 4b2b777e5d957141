import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'grc-plan-'));
const attrsFile = join(dir, 'user.json');
writeFileSync(
  attrsFile,
  JSON.stringify({
    __NAME__: "zoe.o'brien@contoso.com",
    displayName: "Zoë O'Brien",
    __PASSWORD__: 'Plan-Secret-Passw0rd!',
    groups: ['02bd9fd6-8f93-4758-87c3-1fb73740a315'],
    manager: '62e90394-69f5-4237-9190-012177145e10',
  }),
);

test('validate: the Office 365 definition is valid (exit 0)', async () => {
  const result = await runCli(['validate', 'definitions/office365']);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /valid definition "office365"/);
});

test('validate: a broken definition exits 1 with file:line:col per problem and no stack trace', async () => {
  const result = await runCli(['validate', 'fixtures/definitions/invalid/twenty-mistakes']);
  assert.is(result.code, 1);
  const lines = result.stdout.trim().split('\n');
  assert.is(lines.length, 20);
  for (const line of lines) assert.match(line, /^fixtures\/definitions\/invalid\/twenty-mistakes\/connector\.json:\d+:\d+: /);
  assert.not.match(result.stdout + result.stderr, /\n\s+at /);
});

test('validate --json gives the problems as data', async () => {
  const result = await runCli(['validate', 'fixtures/definitions/invalid/bad-json', '--json']);
  assert.is(result.code, 1);
  const parsed = JSON.parse(result.stdout) as { valid: boolean; problems: Array<{ line: number; message: string }> };
  assert.is(parsed.valid, false);
  assert.equal(parsed.problems.map((p) => p.line), [5]);
});

test('plan create --json prints the create and its follow-up requests with secrets redacted', async () => {
  const result = await runCli(['plan', 'definitions/office365', 'create', '--class', 'user', '--attrs', attrsFile, '--json', '--set', 'clientSecret=Sup3r-Secret-Value']);
  assert.is(result.code, 0, result.stderr);
  const requests = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { method: string; url: string; headers: Record<string, string>; body: Record<string, unknown> | null });
  assert.equal(requests.map((r) => `${r.method} ${r.url}`), [
    'POST https://graph.microsoft.com/v1.0/users',
    'POST https://graph.microsoft.com/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/members/$ref',
    'PUT https://graph.microsoft.com/v1.0/users/{uid}/manager/$ref',
  ]);
  assert.is(requests[0]!.headers.Authorization, '<redacted>');
  assert.equal(requests[0]!.body!.passwordProfile, { password: '<redacted>' });
  assert.is(requests[0]!.body!.mailNickname, "zoe.o'brien");
  assert.is(requests[0]!.body!.accountEnabled, true);
  assert.not.match(result.stdout + result.stderr, /Plan-Secret-Passw0rd|Sup3r-Secret-Value/);
});

test('plan reads attributes from stdin and encodes uids as one path segment', async () => {
  const result = await runCli(['plan', 'definitions/office365', 'add-values', '--class', '__ACCOUNT__', '--uid', 'a/b?c#d', '--attrs', '-', '--json'], { input: '{"groups":["g 1"]}' });
  assert.is(result.code, 0, result.stderr);
  const request = JSON.parse(result.stdout.trim()) as { url: string; body: unknown };
  assert.is(request.url, 'https://graph.microsoft.com/v1.0/groups/g%201/members/$ref');
  assert.equal(request.body, { '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/a/b?c#d' });
});

test('plan search translates the connector filter into the target syntax', async () => {
  const result = await runCli(['plan', 'definitions/office365', 'search', '--class', 'user', '--filter', `startsWith(displayName, "O'B") and accountEnabled eq true`, '--json']);
  assert.is(result.code, 0, result.stderr);
  const url = new URL((JSON.parse(result.stdout.trim()) as { url: string }).url);
  assert.is(url.searchParams.get('$filter'), "(startswith(displayName,'O''B')) and (accountEnabled eq true)");
  assert.is(url.searchParams.get('$top'), '999');
});

test('plan reconcile shows the first request of each kind of round, with the map\'s $select', async () => {
  const full = await runCli(['plan', 'definitions/office365', 'reconcile', '--class', 'user', '--json']);
  assert.is(full.code, 0, full.stderr);
  const listing = new URL((JSON.parse(full.stdout.trim()) as { url: string }).url);
  assert.is(listing.pathname, '/v1.0/users');
  // What the reconciliation map reads, not the class's default attributes.
  assert.equal(listing.searchParams.get('$select')!.split(',').sort(), ['accountEnabled', 'assignedLicenses', 'city', 'country', 'department', 'displayName', 'givenName', 'id', 'jobTitle', 'mailNickname', 'officeLocation', 'preferredLanguage', 'surname', 'usageLocation', 'userPrincipalName']);
  const delta = await runCli(['plan', 'definitions/office365', 'reconcile', '--class', 'user', '--mode', 'incremental']);
  assert.is(delta.code, 0, delta.stderr);
  assert.match(delta.stdout, /^GET https:\/\/graph\.microsoft\.com\/v1\.0\/users\/delta\?\$select=id,.*# first round: lists every object/m);
  assert.match(delta.stdout, /Prefer: odata\.maxpagesize=999/);

  const directory = ['plan', 'fixtures/definitions/valid/directory-api', 'reconcile', '--class', 'account', '--mode', 'incremental', '--set', 'baseUrl=https://dir.example.test/api/v2', '--set', 'tokenUrl=https://dir.example.test/token', '--json'];
  const watermark = await runCli(directory);
  assert.is(watermark.code, 0, watermark.stderr);
  const urls = watermark.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { url: string }).url);
  assert.equal(urls, [
    'https://dir.example.test/api/v2/accounts?offset=0&limit=200',
    'https://dir.example.test/api/v2/accounts?offset=0&limit=200&updatedAfter=<watermark>&sort=updatedAt',
    'https://dir.example.test/api/v2/accounts/deleted?since=<watermark>',
  ]);

  const usage = await runCli(['plan', 'definitions/office365', 'reconcile', '--class', 'user', '--mode', 'sometimes']);
  assert.is(usage.code, 2);
  assert.match(usage.stderr, /--mode must be full or incremental, got "sometimes"/);
  const notReconcile = await runCli(['plan', 'definitions/office365', 'search', '--class', 'user', '--trusted']);
  assert.is(notReconcile.code, 2);
  assert.match(notReconcile.stderr, /--mode and --trusted apply to plan reconcile/);
  const filteredRound = await runCli(['plan', 'definitions/office365', 'reconcile', '--class', 'user', '--mode', 'incremental', '--filter', 'department eq "Sales"']);
  assert.is(filteredRound.code, 2);
  assert.match(filteredRound.stderr, /an incremental round always covers the whole class/);
});

test('usage, definition and input errors exit 2 with a clear message', async () => {
  const unknownOperation = await runCli(['plan', 'definitions/office365', 'frobnicate', '--class', 'user']);
  assert.is(unknownOperation.code, 2);
  assert.match(unknownOperation.stderr, /unknown operation "frobnicate"/);
  const badClass = await runCli(['plan', 'definitions/office365', 'get', '--class', 'usr', '--uid', 'x']);
  assert.is(badClass.code, 2);
  assert.match(badClass.stderr, /unknown class "usr" \(did you mean "user"\?\)/);
  const brokenDefinition = await runCli(['plan', 'fixtures/definitions/invalid/bad-json', 'get', '--class', 'account', '--uid', 'x']);
  assert.is(brokenDefinition.code, 2);
  assert.match(brokenDefinition.stderr, /connector\.json:5:3: invalid JSON/);
  const missingOption = await runCli(['validate']);
  assert.is(missingOption.code, 2);
  for (const r of [unknownOperation, badClass, brokenDefinition, missingOption]) assert.not.match(r.stderr, /\n\s+at /);
});

test('bad attribute input is an InvalidAttributeValue error naming the attribute', async () => {
  const result = await runCli(['plan', 'definitions/office365', 'create', '--class', 'user', '--attrs', '-', '--json'], { input: '{"__NAME__":"a@b.c","displayName":"A","mail":"x@y","accountEnabled":"yes","jobTitel":"x"}' });
  assert.is(result.code, 1);
  const error = JSON.parse(result.stderr.trim()) as { kind: string; message: string };
  assert.is(error.kind, 'InvalidAttributeValue');
  assert.match(error.message, /mail is read-only/);
  assert.match(error.message, /accountEnabled must be a boolean/);
  assert.match(error.message, /unknown attribute "jobTitel" \(did you mean "jobTitle"\?\)/);
});

test.run();
