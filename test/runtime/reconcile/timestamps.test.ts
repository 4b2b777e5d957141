import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { timestampMillis, WatermarkTracker } from '../../../runtime/reconcile/timestamps.js';

const timestamps = suite('reconcile: timestamps in any format');

timestamps('reads ISO-8601, epoch seconds and epoch milliseconds, as numbers or text', () => {
  const iso = Date.parse('2030-01-01T00:00:00.000Z');
  assert.is(timestampMillis('2030-01-01T00:00:00.000Z'), iso);
  assert.is(timestampMillis('2030-01-01T01:00:00+01:00'), iso);
  assert.is(timestampMillis(iso / 1000), iso);
  assert.is(timestampMillis(String(iso / 1000)), iso);
  assert.is(timestampMillis(iso), iso);
  assert.is(timestampMillis(String(iso)), iso);
  assert.is(timestampMillis('not a date'), undefined);
  assert.is(timestampMillis(null), undefined);
});

timestamps('the watermark keeps the greatest instant in the text the target wrote', () => {
  const tracker = new WatermarkTracker();
  assert.is(tracker.value, undefined);
  tracker.see('2030-01-01T00:00:00.000Z');
  tracker.see('2029-12-31T23:59:59.999Z');
  tracker.see(null);
  assert.is(tracker.value, '2030-01-01T00:00:00.000Z');
  tracker.see(1893456000);
  assert.is(tracker.value, '2030-01-01T00:00:00.000Z', 'the same instant in seconds does not replace it');
  tracker.see(1893456001);
  assert.is(tracker.value, '1893456001');
});

timestamps('a tracker starts from the stored watermark and only moves forward', () => {
  const tracker = new WatermarkTracker('1700000000000');
  tracker.see('2000-01-01T00:00:00Z');
  assert.is(tracker.value, '1700000000000');
});

timestamps.run();
