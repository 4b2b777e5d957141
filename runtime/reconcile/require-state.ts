// Reconciliation remembers links, snapshots, tokens and checkpoints: it needs the state store.
import { connectorError } from '../errors.js';
import type { ConnectorSession } from '../operations/session.js';
import type { StateStore } from '../state/types.js';

export function requireState(session: ConnectorSession): StateStore {
  if (!session.state) {
    throw connectorError('ConfigurationError', 'reconciliation needs a state store (links, snapshots, tokens)', {
      operation: 'reconcile', hint: 'create the connector with the state option (the CLI opens --state FILE)',
    });
  }
  return session.state;
}
