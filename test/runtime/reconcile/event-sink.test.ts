import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileSink } from '../../../runtime/reconcile/event-sink.js';

const sink = suite('reconcile: the events file');
let dir: string;

sink.before.each(() => {
  dir = mkdtempSync(join(tmpdir(), 'grc-sink-'));
});
sink.after.each(() => rmSync(dir, { recursive: true, force: true }));

sink('lines and text land in order as UTF-8, and the position counts bytes', () => {
  const file = join(dir, 'events.ndjson');
  const { sink: out } = openFileSink(file);
  const lines = ['{"name":"Zoë Ångström"}\n', '{"name":"李雷"}\n', '{"name":"😀"}\n'];
  out.write(lines);
  out.write('{"plain":true}\n');
  out.close();
  const expected = `${lines.join('')}{"plain":true}\n`;
  assert.is(readFileSync(file, 'utf8'), expected);
  assert.is(out.position, Buffer.byteLength(expected));
});

sink('a batch larger than the reusable buffer is written whole', () => {
  const file = join(dir, 'big.ndjson');
  const { sink: out } = openFileSink(file);
  const line = `${JSON.stringify({ value: 'ü'.repeat(5000) })}\n`;
  const lines = Array.from({ length: 400 }, () => line); // about 4 MB of UTF-8
  out.write(lines);
  out.write(lines.slice(0, 2));
  out.close();
  assert.is(statSync(file).size, Buffer.byteLength(line) * 402);
  assert.is(readFileSync(file, 'utf8').split('\n').filter(Boolean).length, 402);
});

sink('a resumed file is cut back to the committed length before new lines', () => {
  const file = join(dir, 'resume.ndjson');
  const first = openFileSink(file).sink;
  first.write(['{"n":1}\n', '{"n":2}\n']);
  const committed = first.position;
  first.write(['{"n":3, "half']);
  first.close();
  const resumed = openFileSink(file, committed).sink;
  resumed.write(['{"n":3}\n']);
  resumed.close();
  assert.is(readFileSync(file, 'utf8'), '{"n":1}\n{"n":2}\n{"n":3}\n');
});

sink.run();
