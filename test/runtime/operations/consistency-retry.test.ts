import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createdRecently } from '../../../runtime/operations/consistency-retry.js';
import type { ConnectorSession } from '../../../runtime/operations/session.js';
import { openStateStore } from '../../../runtime/state/index.js';
import type { StateStore } from '../../../runtime/state/types.js';

const recent = suite('operations: when this connector created an object (eventual consistency)');
let state: StateStore;

recent.before.each(() => {
  state = openStateStore(':memory:');
});
recent.after.each(() => state.close());

// What createdRecently reads of a session: the definition's name and consistency window, and the state.
const session = (maxElapsedMs = 60_000): ConnectorSession =>
  ({ definition: { name: 'directory', connection: { consistencyRetry: { maxElapsedMs, baseDelayMs: 10 } } }, state }) as unknown as ConnectorSession;

function interruptedCreate(uid: string): number {
  const id = state.beginJournal({ definition: 'directory', objectClass: 'account', operation: 'create', name: 'ann', input: {}, steps: [{ id: 'create', label: 'create' }, { id: 'teams.add:t1', label: 'add team' }] });
  state.setJournalUid(id, uid);
  state.markStep(id, 'create', 'done');
  state.markStep(id, 'teams.add:t1', 'running');
  return id;
}

recent('a create killed during its follow-up steps still counts as recent, by its journal', () => {
  const before = Date.now();
  interruptedCreate('u-1');
  const at = createdRecently(session(), 'account', 'u-1');
  assert.ok(at !== undefined && at >= before - 1000 && at <= Date.now() + 1000, String(at));
  assert.is(createdRecently(session(), 'account', 'u-2'), undefined, 'another uid');
  assert.is(createdRecently(session(), 'group', 'u-1'), undefined, 'another class');
});

recent('a create step that never finished, or a finished journal, says nothing', () => {
  const id = state.beginJournal({ definition: 'directory', objectClass: 'account', operation: 'create', name: 'bob', input: {}, steps: [{ id: 'create', label: 'create' }] });
  state.setJournalUid(id, 'u-3');
  state.markStep(id, 'create', 'running');
  assert.is(createdRecently(session(), 'account', 'u-3'), undefined);
  const done = interruptedCreate('u-4');
  state.finishJournal(done, 'succeeded');
  assert.is(createdRecently(session(), 'account', 'u-4'), undefined, 'a finished create has its audit record instead');
});

recent('the audit log decides first: a later delete makes the object not recent', () => {
  interruptedCreate('u-5');
  state.audit({ definition: 'directory', objectClass: 'account', operation: 'delete', uid: 'u-5', outcome: 'success' });
  assert.is(createdRecently(session(), 'account', 'u-5'), undefined);
});

recent.run();
