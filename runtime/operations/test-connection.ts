// `connector test`: credentials work and the target answers a cheap read.
import { connectorError } from '../errors.js';
import { listRaw } from './read-objects.js';
import type { ConnectorSession } from './session.js';

export interface TestResult {
  ok: true;
  definition: string;
  baseURL: string;
  /** The class whose first page was read. */
  objectClass: string;
  durationMs: number;
}

export async function testConnection(session: ConnectorSession): Promise<TestResult> {
  const started = Date.now();
  const cls = [...session.definition.classes.values()].find((c) => c.operations.search);
  if (!cls) throw connectorError('ConfigurationError', 'the definition has no class with a search operation to test the connection with');
  const search = cls.operations.search!;
  const context = { objectClass: cls.name, operation: 'test' };
  for await (const page of listRaw(session, search, { filter: '', select: cls.defaultSelect }, context, { limit: 1 })) {
    void page;
    break;
  }
  return { ok: true, definition: session.definition.name, baseURL: session.connection.baseURL, objectClass: cls.name, durationMs: Date.now() - started };
}
