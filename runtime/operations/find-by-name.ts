// Looks an object up by its name attribute: the idempotent-create check and the way
// provisioning links to an object that already exists.
import { connectorError, isConnectorError } from '../errors.js';
import type { ObjectClassModel } from '../definition/model.js';
import { jsonStringLiteral } from '../template/helpers.js';
import { searchObjects } from './read-objects.js';
import type { ConnectorSession } from './session.js';

export async function findUidByName(session: ConnectorSession, cls: ObjectClassModel, name: string, waitForConsistency: boolean): Promise<string | undefined> {
  const canFilter = cls.filter.eq !== undefined;
  const { maxElapsedMs, baseDelayMs } = session.definition.connection.consistencyRetry;
  const started = Date.now();
  let delay = Math.max(10, baseDelayMs);
  for (;;) {
    try {
      const objects = searchObjects(session, cls, canFilter ? { filter: `__NAME__ eq ${jsonStringLiteral(name)}` } : {});
      for await (const object of objects) {
        if (typeof object.__NAME__ === 'string' && object.__NAME__.toLowerCase() === name.toLowerCase()) return object.__UID__;
      }
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      throw connectorError(error.kind, `could not look ${name} up by name: ${error.message}`, { objectClass: cls.name, name });
    }
    if (!waitForConsistency || Date.now() - started + delay > maxElapsedMs) return undefined;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 5_000);
  }
}
