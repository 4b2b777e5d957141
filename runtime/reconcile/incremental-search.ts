// `connector search --incremental`: the objects that changed since the last incremental search,
// through the same delta and watermark readers as reconciliation, and deletions as
// {"__UID__", "__DELETED__": true}. Its token is its own (class key "<class>:search"), so that
// searching never takes changes away from reconciliation. The token moves only once every
// object has been handed to the consumer.
import { connectorError } from '../errors.js';
import { toConnectorObject, type ConnectorObject } from '../operations/connector-object.js';
import { requireClass } from '../operations/operation-names.js';
import type { ConnectorSession } from '../operations/session.js';
import type { SyncTokenKey } from '../state/types.js';
import type { ChangeSource, RoundSpill } from './change-source.js';
import { deltaSource } from './delta-source.js';
import { DeltaLinkExpired } from './read-delta.js';
import { requireState } from './require-state.js';
import { watermarkSource } from './watermark-source.js';

export type DeletedObject = { __UID__: string; __DELETED__: true };

export async function* incrementalSearch(
  session: ConnectorSession,
  objectClass: string,
  warn: (message: string) => void = () => undefined,
): AsyncGenerator<ConnectorObject | DeletedObject, void, undefined> {
  const state = requireState(session);
  const cls = requireClass(session.definition, objectClass);
  const incremental = session.definition.reconciliation.get(cls.name)?.incremental;
  if (!incremental) {
    throw connectorError('ConfigurationError', `class ${cls.name} has no incremental strategy`, { objectClass: cls.name, operation: 'search', hint: `add reconciliation.${cls.name}.incremental` });
  }
  const key = (kind: 'delta' | 'watermark'): SyncTokenKey => ({ definition: session.definition.name, objectClass: `${cls.name}:search`, kind });
  const spill: RoundSpill = { state, key: `search ${session.definition.name} ${cls.name}` };
  const sourceFor = (ignoreToken: boolean): ChangeSource => {
    if (incremental.strategy === 'delta') {
      const op = cls.operations.delta;
      if (!op) throw connectorError('ConfigurationError', `class ${cls.name} has no delta operation`, { objectClass: cls.name, operation: 'search' });
      const link = ignoreToken ? undefined : state.getToken(key('delta'))?.value;
      return deltaSource(session, cls, op, { batchSize: 500, spill, ...(link !== undefined && { link }) });
    }
    const watermark = state.getToken(key('watermark'))?.value;
    return watermarkSource(session, cls, incremental, { batchSize: 500, spill, ...(watermark !== undefined && { watermark }) });
  };
  let source = sourceFor(false);
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const batch of source.batches()) {
        for (const raw of batch.upserts) {
          yielded = true;
          yield toConnectorObject(cls, raw);
        }
        for (const uid of batch.deletions) {
          yielded = true;
          yield { __UID__: uid, __DELETED__: true };
        }
      }
      break;
    } catch (error) {
      // Only an expired link before anything was printed can start over without repeating lines.
      if (!(error instanceof DeltaLinkExpired) || attempt > 1 || yielded) throw error;
      warn(`${error.message}; starting over with a first delta round (every object)`);
      state.deleteToken(key('delta'));
      source = sourceFor(true);
    }
  }
  const token = source.nextToken();
  if (token) state.setToken(key(token.kind), token.value);
}
