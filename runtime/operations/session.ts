// Everything an operation needs for one connection: the resolved connection, the
// transport, the optional batch dispatcher and state store, limits and the redactor.
import type { DefinitionModel } from '../definition/model.js';
import type { HttpTransport, PreparedRequest, HttpResponse } from '../http/types.js';
import type { Redactor } from '../redaction.js';
import type { StateStore } from '../state/types.js';
import type { ResolvedConnection } from './resolved-connection.js';

export interface WriteBatcher {
  submit(request: PreparedRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

export interface ConnectorSession {
  readonly definition: DefinitionModel;
  readonly connection: ResolvedConnection;
  readonly transport: HttpTransport;
  /** Groups independent writes into the definition's batch protocol, when it has one. */
  readonly batcher?: WriteBatcher;
  readonly redactor: Redactor;
  readonly state?: StateStore;
  /** Requests in flight at most for this session's fan-out (steps of one operation, object reads). */
  readonly concurrency: number;
  /** Who performs the operations, for the audit log. */
  readonly actor: string;
}
