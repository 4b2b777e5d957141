// `connector test <definition>`: checks the connection and the credentials.
import type { CommonOptions } from './common-options.js';
import { exitCodes } from './exit-codes.js';
import { openConnector } from './open-connector.js';

export async function testCommand(path: string, options: CommonOptions): Promise<number> {
  const opened = await openConnector(path, options);
  try {
    const result = await opened.connector.test();
    process.stdout.write(options.json ? JSON.stringify(result) + '\n' : `ok: ${result.definition} at ${result.baseURL} answered (read ${result.objectClass} in ${result.durationMs} ms)\n`);
    return exitCodes.ok;
  } finally {
    await opened.close();
  }
}
