import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDefinition } from '../../../runtime/definition/load-definition.js';
import { buildReconScope, type ReconScope } from '../../../runtime/reconcile/recon-scope.js';
import { reconcileBatch } from '../../../runtime/reconcile/reconcile-batch.js';
import { RunAccounts } from '../../../runtime/reconcile/run-accounts.js';
import { UidFilter } from '../../../runtime/reconcile/uid-filter.js';
import { openStateStore } from '../../../runtime/state/index.js';
import type { StateStore } from '../../../runtime/state/types.js';
import { office365Definition } from '../../support/project-paths.js';

const first = suite('reconcile: what a first run skips (stored-state reads, the walk for deleted accounts)');

let state: StateStore;
let scope: ReconScope;

first.before.each(async () => {
  const definition = await loadDefinition(office365Definition);
  state = openStateStore(':memory:');
  scope = buildReconScope(definition, definition.classes.get('user')!, state, {}, { trusted: false });
});
first.after.each(() => state.close());

const graphUser = (id: string, displayName: string) => ({ id, userPrincipalName: `${id}@contoso.example`, displayName, accountEnabled: true });

function reconcilePage(accounts: RunAccounts, runId: number, users: object[]): { types: string[]; lines: string[] } {
  const lines: string[] = [];
  const types = state.transaction(() =>
    reconcileBatch(scope, { objects: users.map((raw) => scope.readObject(raw)), deletions: [] }, accounts, runId, (written) => lines.push(...written.map((line) => line.trimEnd()))),
  );
  return { types, lines };
}

first('the uid filter answers "maybe" for every uid added and rarely for others', () => {
  const filter = new UidFilter();
  const added = Array.from({ length: 100_000 }, () => randomUUID());
  for (const uid of added) filter.add(uid);
  assert.ok(added.every((uid) => filter.mayHave(uid)), 'no false negative');
  let wrong = 0;
  for (let i = 0; i < 100_000; i++) if (filter.mayHave(randomUUID())) wrong++;
  // The expected rate at 100k is about 1 in 180,000; 10 allows for chance.
  assert.ok(wrong <= 10, `${wrong} false positives in 100,000`);
});

first('a first run reads nothing from the store, yet an object the target repeats on a later page is no new event', () => {
  const run = state.beginRun(scope.definition, scope.accountClass, 'full');
  const accounts = new RunAccounts(state.countAccounts(scope.definition, scope.accountClass), run.id);
  assert.equal(accounts.toRead(['a', 'b']), [], 'nothing was saved yet: no read');
  const page1 = reconcilePage(accounts, run.id, [graphUser('a', 'Ann'), graphUser('b', 'Bob')]);
  assert.equal(page1.types, ['unmatched', 'unmatched']);
  assert.equal(accounts.toRead(['a', 'c']), ['a'], 'only the uid this run saved is read');

  const page2 = reconcilePage(accounts, run.id, [graphUser('a', 'Ann'), graphUser('c', 'Cy')]);
  assert.equal(page2.types, ['unmatched'], 'the repeated, unchanged account emits nothing');
  assert.match(page2.lines[0]!, /"uid":"c"/);
  const page3 = reconcilePage(accounts, run.id, [graphUser('b', 'Bobby')]);
  assert.equal(page3.types, ['unmatched'], 'a repeated account that changed is reported with its new state');
  assert.match(page3.lines[0]!, /"Display Name":"Bobby"/);
  assert.is(state.countAccounts(scope.definition, scope.accountClass), 3);
  assert.ok(accounts.sawAllKnown, 'no account was known at the start: none can be unseen');
});

first('a later run reads every account, and sees whether all accounts known at the start came back', () => {
  const one = state.beginRun(scope.definition, scope.accountClass, 'full');
  reconcilePage(new RunAccounts(0, one.id), one.id, [graphUser('a', 'Ann'), graphUser('b', 'Bob')]);
  state.finishRun(one.id, 'completed');

  const two = state.beginRun(scope.definition, scope.accountClass, 'full');
  const accounts = new RunAccounts(state.countAccounts(scope.definition, scope.accountClass), two.id);
  assert.equal(accounts.toRead(['a', 'x']), ['a', 'x'], 'known accounts at the start: every uid is read');
  assert.equal(reconcilePage(accounts, two.id, [graphUser('a', 'Ann'), graphUser('a2', 'New')]).types, ['unmatched']);
  reconcilePage(accounts, two.id, [graphUser('a', 'Ann')]);
  assert.not.ok(accounts.sawAllKnown, 'b was not listed (a repeated a counts once)');
  reconcilePage(accounts, two.id, [graphUser('b', 'Bob')]);
  assert.ok(accounts.sawAllKnown);
  assert.equal([...state.unseenSince(scope.definition, scope.accountClass, two.id)], []);
});

first('target mode tries no match rule while the identity store is empty, and links once it is not', async () => {
  assert.ok(scope.matchesNothing);
  const run = state.beginRun(scope.definition, scope.accountClass, 'full');
  assert.equal(reconcilePage(new RunAccounts(0, run.id), run.id, [graphUser('a', 'Ann')]).types, ['unmatched']);
  const identity = state.createIdentity({ 'User Login': 'b@contoso.example' });
  const definition = await loadDefinition(office365Definition);
  scope = buildReconScope(definition, definition.classes.get('user')!, state, {}, { trusted: false });
  assert.not.ok(scope.matchesNothing);
  const page = reconcilePage(new RunAccounts(1, run.id), run.id, [graphUser('b', 'Bob')]);
  assert.equal(page.types, ['link']);
  assert.match(page.lines[0]!, new RegExp(`"identity":${identity}`));
});

first('an open transaction spans several writes and rolls back as one', () => {
  const run = state.beginRun(scope.definition, scope.accountClass, 'full');
  const open = state.openTransaction();
  assert.throws(() => state.openTransaction(), /already open/);
  reconcilePage(new RunAccounts(0, run.id), run.id, [graphUser('a', 'Ann')]);
  state.setToken({ definition: 'office365', objectClass: 'user', kind: 'checkpoint' }, '{}');
  open.rollback();
  assert.throws(() => open.commit(), /already ended/);
  assert.is(state.countAccounts(scope.definition, scope.accountClass), 0);
  assert.is(state.getToken({ definition: 'office365', objectClass: 'user', kind: 'checkpoint' }), undefined);

  const again = state.openTransaction();
  reconcilePage(new RunAccounts(0, run.id), run.id, [graphUser('a', 'Ann')]);
  again.commit();
  assert.is(state.countAccounts(scope.definition, scope.accountClass), 1);
});

first.run();
