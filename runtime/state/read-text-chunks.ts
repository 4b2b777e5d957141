// Reads a UTF-8 text file synchronously, a chunk at a time: an import runs inside one
// (synchronous) store transaction, yet memory stays flat however large the file is.
import { closeSync, openSync, readSync } from 'node:fs';
import { TextDecoder } from 'node:util';

export class TextFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TextFileError';
  }
}

export function* readTextChunks(file: string, chunkBytes = 256 * 1024): IterableIterator<string> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new TextFileError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { cause: error });
  }
  // fatal: a file in another encoding is an error, not silently replaced characters.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const buffer = Buffer.alloc(chunkBytes);
  let offset = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      const text = decode(decoder, buffer.subarray(0, read), read === 0, file, offset);
      offset += read;
      if (text !== '') yield text;
      if (read === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}

function decode(decoder: TextDecoder, bytes: Uint8Array, last: boolean, file: string, offset: number): string {
  try {
    return decoder.decode(bytes, { stream: !last });
  } catch (error) {
    throw new TextFileError(`${file} is not valid UTF-8 (near byte ${offset}); save it as UTF-8`, { cause: error });
  }
}
