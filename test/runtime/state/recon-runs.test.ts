import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { tempStore, type TempStore } from './temp-store.js';

const runs = suite('state: recon runs and emitted-event dedupe');
let temp: TempStore;

runs.before.each(() => { temp = tempStore(); });
runs.after.each(() => temp.dispose());

runs('a begun run is open until it completes', () => {
  const run = temp.store.beginRun('office365', 'User', 'full');
  assert.equal(temp.store.getOpenRun('office365', 'User', 'full'), run);
  assert.is(temp.store.getOpenRun('office365', 'User', 'incremental'), undefined);
  assert.is(temp.store.getOpenRun('office365', 'Group', 'full'), undefined);
  temp.store.finishRun(run.id, 'completed');
  assert.is(temp.store.getOpenRun('office365', 'User', 'full'), undefined);
  assert.is(temp.store.getRun(run.id)?.outcome, 'completed');
  assert.type(temp.store.getRun(run.id)?.finishedAt, 'string');
  assert.throws(() => temp.store.finishRun(run.id, 'failed'), /already completed/);
  assert.throws(() => temp.store.finishRun(999, 'failed'), /recon run 999 does not exist/);
});

runs('a failed or killed run is resumable with the uids it already emitted', () => {
  const run = temp.store.beginRun('office365', 'User', 'full');
  temp.store.transaction(() => {
    temp.store.recordEmittedMany(run.id, ['u1', 'u2', 'u3']);
    temp.store.setToken({ definition: 'office365', objectClass: 'User', kind: 'checkpoint' }, 'page-2', 3);
  });
  temp.store.recordEmitted(run.id, 'u2');
  temp.store.finishRun(run.id, 'failed');
  const store = temp.reopen();
  const open = store.getOpenRun('office365', 'User', 'full');
  assert.is(open?.id, run.id);
  assert.is(open?.outcome, 'failed');
  assert.is(open?.emitted, 3);
  assert.is(store.wasEmitted(run.id, 'u2'), true);
  assert.is(store.wasEmitted(run.id, 'u4'), false);
  store.recordEmitted(run.id, 'u4');
  store.finishRun(run.id, 'completed');
  // The dedupe rows of a completed run are not needed any more.
  assert.is(store.wasEmitted(run.id, 'u1'), false);
  assert.is(store.getRun(run.id)?.emitted, 0);
});

runs('beginning a new run abandons the resumable one and drops its dedupe rows', () => {
  const old = temp.store.beginRun('office365', 'User', 'full');
  temp.store.recordEmitted(old.id, 'u1');
  const fresh = temp.store.beginRun('office365', 'User', 'full');
  assert.ok(fresh.id > old.id);
  assert.is(temp.store.getRun(old.id)?.outcome, 'abandoned');
  assert.is(temp.store.wasEmitted(old.id, 'u1'), false);
  assert.is(temp.store.getOpenRun('office365', 'User', 'full')?.id, fresh.id);
  assert.throws(() => temp.store.finishRun(old.id, 'completed'), /already abandoned/);
});

runs('emitted uids are per run; an unknown run is an error', () => {
  const a = temp.store.beginRun('office365', 'User', 'full');
  const b = temp.store.beginRun('office365', 'Group', 'full');
  temp.store.recordEmitted(a.id, 'x');
  assert.is(temp.store.wasEmitted(b.id, 'x'), false);
  assert.throws(() => temp.store.recordEmitted(999, 'x'), /recon run 999 does not exist/);
});

runs.run();
