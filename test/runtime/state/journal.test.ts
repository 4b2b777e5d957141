import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { BeginJournalInput } from '../../../runtime/state/index.js';
import { steppingClock, tempStore, type TempStore } from './temp-store.js';

const journal = suite('state: write journal');
let temp: TempStore;

const createUser: BeginJournalInput = {
  definition: 'office365',
  objectClass: 'User',
  operation: 'create',
  name: 'ada@contoso.com',
  input: { displayName: 'Ada', passwordProfile: '<redacted>' },
  steps: [
    { id: 'create', label: 'user.create', request: { method: 'POST', url: '/users' } },
    { id: 'groups.add:g1', label: 'user.groups.add' },
    { id: 'licenses.add:e3', label: 'user.licenses.add' },
  ],
};

journal.before.each(() => { temp = tempStore({ now: steppingClock() }); });
journal.after.each(() => temp.dispose());

journal('begins an entry with every step pending, in order', () => {
  const id = temp.store.beginJournal(createUser);
  const entry = temp.store.getJournal(id);
  assert.ok(entry);
  assert.is(entry.outcome, undefined);
  assert.is(entry.name, 'ada@contoso.com');
  assert.is(entry.uid, undefined);
  assert.equal(entry.input, { displayName: 'Ada', passwordProfile: '<redacted>' });
  assert.equal(entry.steps.map((s) => [s.id, s.label, s.status, s.attempts]), [
    ['create', 'user.create', 'pending', 0],
    ['groups.add:g1', 'user.groups.add', 'pending', 0],
    ['licenses.add:e3', 'user.licenses.add', 'pending', 0],
  ]);
  assert.equal(entry.steps[0]?.request, { method: 'POST', url: '/users' });
  assert.is(entry.steps[1]?.request, undefined);
});

journal('marks steps, counts attempts, keeps the detail, sets the uid and finishes', () => {
  const id = temp.store.beginJournal(createUser);
  temp.store.markStep(id, 'create', 'running');
  temp.store.markStep(id, 'create', 'done', { status: 201 });
  temp.store.setJournalUid(id, 'u-1');
  temp.store.markStep(id, 'groups.add:g1', 'running');
  temp.store.markStep(id, 'groups.add:g1', 'failed', { kind: 'Throttled' });
  temp.store.markStep(id, 'groups.add:g1', 'running');
  const entry = temp.store.getJournal(id);
  assert.is(entry?.uid, 'u-1');
  assert.equal(entry?.steps.map((s) => [s.status, s.attempts, s.detail]), [['done', 1, { status: 201 }], ['running', 2, undefined], ['pending', 0, undefined]]);
  temp.store.finishJournal(id, 'succeeded');
  const finished = temp.store.getJournal(id);
  assert.is(finished?.outcome, 'succeeded');
  assert.type(finished?.finishedAt, 'string');
});

journal('a rerun finds the partial entry by name, retries only what is not done, and can finish it', () => {
  const id = temp.store.beginJournal(createUser);
  temp.store.markStep(id, 'create', 'done');
  temp.store.setJournalUid(id, 'u-1');
  temp.store.markStep(id, 'groups.add:g1', 'failed', { kind: 'Throttled' });
  temp.store.markStep(id, 'licenses.add:e3', 'done');
  temp.store.finishJournal(id, 'partial');

  const open = temp.store.findOpenJournal('office365', 'User', 'create', { name: 'ada@contoso.com' });
  assert.is(open?.id, id);
  assert.equal(open?.steps.filter((s) => s.status !== 'done').map((s) => s.id), ['groups.add:g1']);
  assert.is(temp.store.findOpenJournal('office365', 'User', 'create', { uid: 'u-1' })?.id, id);

  temp.store.markStep(id, 'groups.add:g1', 'done');
  temp.store.finishJournal(id, 'succeeded');
  assert.is(temp.store.findOpenJournal('office365', 'User', 'create', { name: 'ada@contoso.com' }), undefined);
});

journal('findOpenJournal returns the latest unfinished entry of exactly that operation and object', () => {
  const older = temp.store.beginJournal(createUser);
  const newer = temp.store.beginJournal(createUser);
  temp.store.beginJournal({ ...createUser, name: 'bob@contoso.com' });
  temp.store.beginJournal({ ...createUser, operation: 'update' });
  temp.store.beginJournal({ ...createUser, objectClass: 'Group' });
  assert.is(temp.store.findOpenJournal('office365', 'User', 'create', { name: 'ada@contoso.com' })?.id, newer);
  temp.store.finishJournal(newer, 'failed');
  assert.is(temp.store.findOpenJournal('office365', 'User', 'create', { name: 'ada@contoso.com' })?.id, older);
  assert.is(temp.store.findOpenJournal('office365', 'User', 'create', { name: 'carol@contoso.com' }), undefined);
  assert.is(temp.store.findOpenJournal('scim2', 'User', 'create', { name: 'ada@contoso.com' }), undefined);
  assert.throws(() => temp.store.findOpenJournal('office365', 'User', 'create', {}), /needs a name or a uid/);
});

journal('finished entries refuse more steps; unknown ids and steps are errors', () => {
  const id = temp.store.beginJournal(createUser);
  assert.throws(() => temp.store.markStep(id, 'nope', 'done'), /journal entry \d+ has no step "nope"/);
  assert.throws(() => temp.store.markStep(999, 'create', 'done'), /journal entry 999 does not exist/);
  assert.throws(() => temp.store.setJournalUid(999, 'u'), /journal entry 999 does not exist/);
  temp.store.finishJournal(id, 'failed');
  assert.throws(() => temp.store.markStep(id, 'create', 'done'), /already finished \(failed\)/);
  assert.throws(() => temp.store.finishJournal(id, 'succeeded'), /already finished \(failed\)/);
  assert.throws(() => temp.store.beginJournal({ ...createUser, steps: [{ id: 'a', label: 'x' }, { id: 'a', label: 'y' }] }), /step id "a" appears twice/);
});

journal('lists entries newest first, filtered', () => {
  const a = temp.store.beginJournal(createUser);
  const b = temp.store.beginJournal({ ...createUser, name: 'bob@contoso.com' });
  const c = temp.store.beginJournal({ ...createUser, definition: 'scim2' });
  temp.store.finishJournal(a, 'succeeded');
  temp.store.finishJournal(b, 'partial');
  assert.equal(temp.store.listJournals().map((e) => e.id), [c, b, a]);
  assert.equal(temp.store.listJournals({ definition: 'office365' }).map((e) => e.id), [b, a]);
  assert.equal(temp.store.listJournals({ open: true }).map((e) => e.id), [c, b]);
  assert.equal(temp.store.listJournals({ open: false }).map((e) => e.id), [a]);
  assert.equal(temp.store.listJournals({ outcome: 'partial' }).map((e) => e.id), [b]);
  assert.equal(temp.store.listJournals({ limit: 1 }).map((e) => e.id), [c]);
  assert.equal(temp.store.listJournals({ operation: 'delete' }), []);
  assert.is(temp.store.listJournals({ objectClass: 'User' })[0]?.steps.length, 3);
});

journal('survives a reopen', () => {
  const id = temp.store.beginJournal(createUser);
  temp.store.markStep(id, 'create', 'done');
  const store = temp.reopen();
  assert.equal(store.getJournal(id)?.steps.map((s) => s.status), ['done', 'pending', 'pending']);
});

journal.run();
