// The connector: one definition, one set of settings, one connection. Typed methods for
// every ICF operation; search is an async iterator. The CLI and library users share it.
import { createAuthProvider } from '../auth/index.js';
import { createBatchDispatcher } from '../batch/index.js';
import type { DefinitionModel } from '../definition/model.js';
import { resolveSettings, type ResolvedSettings, type SettingsInput } from '../definition/resolve-settings.js';
import type { HttpLogger } from '../http/http-events.js';
import { createTransport } from '../http/transport.js';
import type { HttpTransport } from '../http/types.js';
import type { StateStore } from '../state/types.js';
import { resolveLookupInputs } from '../mapping/lookup-resolver.js';
import { createObject } from './create-object.js';
import type { ConnectorObject } from './connector-object.js';
import { requireClass } from './operation-names.js';
import { getObject, searchObjects, type SearchOptions } from './read-objects.js';
import { resolveConnection } from './resolved-connection.js';
import type { ConnectorSession, WriteBatcher } from './session.js';
import { changeValues, deleteObject, restoreObject, setEnabled, setPassword } from './simple-writes.js';
import { testConnection, type TestResult } from './test-connection.js';
import { updateObject } from './update-object.js';
import type { WriteResult } from './write-result.js';

export interface ConnectorOptions {
  /** The state database (journal, audit, sync tokens); without it nothing is journaled. */
  state?: StateStore;
  /** Requests in flight at most; default from the definition. */
  concurrency?: number;
  logger?: HttpLogger;
  /** Who performs the operations, for the audit log. Default: the OS user. */
  actor?: string;
  /** Extra trusted CA certificate (PEM text or file). */
  ca?: string;
  /** Group independent writes with the definition's batch protocol (default true when it has one). */
  batch?: boolean;
  /** Replaces the HTTP transport (tests). */
  transport?: HttpTransport;
}

export class Connector {
  private constructor(
    readonly definition: DefinitionModel,
    readonly session: ConnectorSession,
    private readonly closeAll: () => Promise<void>,
  ) {}

  static create(definition: DefinitionModel, settings: ResolvedSettings | SettingsInput, options: ConnectorOptions = {}): Connector {
    const resolved = isResolved(settings) ? settings : resolveSettings(definition, { file: { path: 'settings', values: settings } });
    const connection = resolveConnection(definition, resolved);
    const auth = createAuthProvider(definition.connection.auth, { ...resolved.values }, { baseURL: connection.baseURL, origin: connection.origin }, resolved.redactor, { ca: options.ca });
    const concurrency = options.concurrency ?? definition.connection.rateLimit.concurrency;
    const transport = options.transport ?? createTransport({ connection: definition.connection, auth, redactor: resolved.redactor, concurrency, logger: options.logger, ca: options.ca });
    const batch = definition.connection.batch;
    const batcher: WriteBatcher | undefined =
      batch && options.batch !== false
        ? createBatchDispatcher({ batch, baseURL: connection.baseURL, transport, headers: { ...connection.headers }, retry: definition.connection.retry, config: resolved.values })
        : undefined;
    const session: ConnectorSession = {
      definition,
      connection,
      transport,
      ...(batcher && { batcher }),
      redactor: resolved.redactor,
      ...(options.state && { state: options.state }),
      concurrency,
      actor: options.actor ?? process.env.USER ?? 'connector',
    };
    return new Connector(definition, session, async () => {
      await batcher?.close();
      await transport.close();
      await auth.close?.();
    });
  }

  // Writes check lookup-backed values against the synced lookups first (codes, decodes and ids
  // become target ids; an unknown value fails before any request): see mapping/lookup-resolver.ts.
  async create(objectClass: string, attributes: unknown): Promise<WriteResult> {
    const cls = requireClass(this.definition, objectClass);
    return createObject(this.session, cls, resolveLookupInputs(this.session, cls, attributes));
  }
  async update(objectClass: string, uid: string, attributes: unknown): Promise<WriteResult> {
    const cls = requireClass(this.definition, objectClass);
    return updateObject(this.session, cls, uid, resolveLookupInputs(this.session, cls, attributes));
  }
  delete(objectClass: string, uid: string): Promise<WriteResult> {
    return deleteObject(this.session, requireClass(this.definition, objectClass), uid);
  }
  restore(objectClass: string, uid: string): Promise<WriteResult> {
    return restoreObject(this.session, requireClass(this.definition, objectClass), uid);
  }
  get(objectClass: string, uid: string, options: { specials?: 'all' | 'none' } = {}): Promise<ConnectorObject> {
    return getObject(this.session, requireClass(this.definition, objectClass), uid, options);
  }
  search(objectClass: string, options: SearchOptions = {}): AsyncGenerator<ConnectorObject, void, undefined> {
    return searchObjects(this.session, requireClass(this.definition, objectClass), options);
  }
  async addValues(objectClass: string, uid: string, attributes: unknown): Promise<WriteResult> {
    const cls = requireClass(this.definition, objectClass);
    return changeValues(this.session, cls, uid, resolveLookupInputs(this.session, cls, attributes), 'add');
  }
  async removeValues(objectClass: string, uid: string, attributes: unknown): Promise<WriteResult> {
    const cls = requireClass(this.definition, objectClass);
    return changeValues(this.session, cls, uid, resolveLookupInputs(this.session, cls, attributes), 'remove');
  }
  enable(objectClass: string, uid: string): Promise<WriteResult> {
    return setEnabled(this.session, requireClass(this.definition, objectClass), uid, true);
  }
  disable(objectClass: string, uid: string): Promise<WriteResult> {
    return setEnabled(this.session, requireClass(this.definition, objectClass), uid, false);
  }
  setPassword(objectClass: string, uid: string, attributes: unknown): Promise<WriteResult> {
    return setPassword(this.session, requireClass(this.definition, objectClass), uid, attributes);
  }
  test(): Promise<TestResult> {
    return testConnection(this.session);
  }
  close(): Promise<void> {
    return this.closeAll();
  }
}

function isResolved(settings: ResolvedSettings | SettingsInput): settings is ResolvedSettings {
  return 'redactor' in settings && 'values' in settings && 'missing' in settings;
}

export function createConnector(definition: DefinitionModel, settings: ResolvedSettings | SettingsInput, options: ConnectorOptions = {}): Connector {
  return Connector.create(definition, settings, options);
}
