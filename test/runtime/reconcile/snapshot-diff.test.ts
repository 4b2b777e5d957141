import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compareSnapshot } from '../../../runtime/reconcile/snapshot-diff.js';

const diff = suite('reconcile: snapshot comparison');

diff('a first snapshot reports every field', () => {
  const result = compareSnapshot(undefined, { fields: { A: 1, B: 'x' }, skipped: [] });
  assert.is(result.json, '{"A":1,"B":"x"}');
  assert.equal(result.changed, { A: 1, B: 'x' });
});

diff('an unchanged account reports nothing', () => {
  assert.equal(compareSnapshot('{"A":1,"B":"x"}', { fields: { A: 1, B: 'x' }, skipped: [] }), { json: '{"A":1,"B":"x"}' });
});

diff('only the changed fields, a cleared one as null and a field gone from the map as null', () => {
  const result = compareSnapshot('{"A":1,"B":"x","C":[1],"Old":"o"}', { fields: { A: 2, B: 'x', C: null }, skipped: [] });
  assert.equal(result.changed, { A: 2, C: null, Old: null });
});

diff('fields not read in this run keep their previous value and are no change', () => {
  const result = compareSnapshot('{"A":1,"Groups":["g1"]}', { fields: { A: 1 }, skipped: ['Groups'] });
  assert.equal(result, { json: '{"A":1,"Groups":["g1"]}' });
  const changed = compareSnapshot('{"A":1,"Groups":["g1"]}', { fields: { A: 2 }, skipped: ['Groups'] });
  assert.equal(changed.changed, { A: 2 });
  assert.is(changed.json, '{"A":2,"Groups":["g1"]}');
});

diff('an unreadable previous snapshot counts as none', () => {
  assert.equal(compareSnapshot('not json', { fields: { A: 1 }, skipped: [] }).changed, { A: 1 });
});

diff.run();
