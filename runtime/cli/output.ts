// Streaming NDJSON output with back-pressure, to stdout or a file.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export async function writeJsonLines(stream: Writable, items: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  let buffer = '';
  for await (const item of items) {
    buffer += JSON.stringify(item) + '\n';
    count++;
    if (buffer.length >= 64 * 1024) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  if (buffer.length > 0 && !stream.write(buffer)) await once(stream, 'drain');
  return count;
}

export async function openOutput(file: string | undefined): Promise<{ stream: Writable; close(): Promise<void> }> {
  if (file === undefined || file === '-') return { stream: process.stdout, close: async () => {} };
  const stream = createWriteStream(file, { flags: 'w' });
  await once(stream, 'open');
  return {
    stream,
    close: () =>
      new Promise((resolve, reject) => {
        stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
      }),
  };
}
