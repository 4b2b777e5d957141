// The runtime's stable error kinds and the one error class every failure becomes.
// Messages name the operation, object class, uid/name and field - never a secret.
import type { ErrorKind } from './generated/definition.js';

export type { ErrorKind };

export const errorKinds: readonly ErrorKind[] = [
  'InvalidCredentials',
  'PermissionDenied',
  'UnknownUid',
  'AlreadyExists',
  'InvalidAttributeValue',
  'Throttled',
  'ServiceUnavailable',
  'ConnectionFailed',
  'ConfigurationError',
  'DefinitionError',
  'OperationFailed',
];

/** Kinds where trying again later may succeed. */
export const transientKinds: ReadonlySet<ErrorKind> = new Set(['Throttled', 'ServiceUnavailable', 'ConnectionFailed']);

export interface ErrorContext {
  /** Connector operation, e.g. "create", or a step label such as "user.groups.add". */
  operation?: string;
  objectClass?: string;
  uid?: string;
  name?: string;
  field?: string;
  /** HTTP method and URL (credentials and query secrets stripped). */
  request?: string;
  status?: number;
  /** The target's own error code, e.g. Request_BadRequest. */
  targetCode?: string;
  /** The target's message, already redacted. */
  targetMessage?: string;
  hint?: string;
  /** How long the target asked to wait before trying again (its Retry-After), in ms. */
  retryAfterMs?: number;
}

export class ConnectorError extends Error {
  readonly kind: ErrorKind;
  readonly context: Readonly<ErrorContext>;

  constructor(kind: ErrorKind, message: string, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConnectorError';
    this.kind = kind;
    this.context = context;
  }

  get transient(): boolean {
    return transientKinds.has(this.kind);
  }

  /** What the CLI prints on stderr (one JSON object). */
  toJSON(): Record<string, unknown> {
    return { kind: this.kind, message: this.message, ...this.context };
  }
}

/** Builds the one-line message: "<kind>: <what> (<class> <uid/name>, field <f>): <target message>. <hint>" */
export function describe(kind: ErrorKind, detail: string, context: ErrorContext): string {
  const subject = [context.objectClass, context.name ?? context.uid].filter(Boolean).join(' ');
  const parts = [
    context.operation ? `${context.operation} failed` : 'failed',
    subject ? ` for ${subject}` : '',
    context.field ? ` (field ${context.field})` : '',
    context.status ? ` with HTTP ${context.status}` : '',
    context.targetCode ? ` ${context.targetCode}` : '',
    detail ? `: ${detail.replace(/\.$/, '')}` : '',
    context.hint ? `. Hint: ${context.hint}` : '',
  ];
  return `${kind}: ${parts.join('')}`;
}

export function connectorError(kind: ErrorKind, detail: string, context: ErrorContext = {}, cause?: unknown): ConnectorError {
  return new ConnectorError(kind, describe(kind, detail, context), context, cause === undefined ? undefined : { cause });
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}
