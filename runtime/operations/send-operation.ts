// Sends one request of an operation and interprets the answer: expected status, 404 that
// means "nothing there", errors that mean "already done", everything else classified.
import { classifyResponse } from '../http/classify-error.js';
import { parseRetryAfter } from '../http/retry-policy.js';
import type { ConnectorError, ErrorContext } from '../errors.js';
import type { OperationModel } from '../definition/model.js';
import type { HttpResponse, PreparedRequest } from '../http/types.js';
import type { ConnectorSession } from './session.js';

export type SendOutcome =
  | { readonly kind: 'ok'; readonly response: HttpResponse }
  | { readonly kind: 'empty'; readonly response: HttpResponse }
  | { readonly kind: 'alreadyDone'; readonly error: ConnectorError };

export function isExpectedStatus(op: OperationModel, status: number): boolean {
  return op.expectedStatus ? op.expectedStatus.has(status) : status >= 200 && status < 300;
}

export async function sendOperation(session: ConnectorSession, op: OperationModel, request: PreparedRequest, context: ErrorContext): Promise<SendOutcome> {
  const useBatch = session.batcher !== undefined && op.batchable && request.method !== 'GET';
  const response = useBatch ? await session.batcher!.submit(request) : await session.transport.send(request);
  if (isExpectedStatus(op, response.status)) return { kind: 'ok', response };
  if (response.status === 404 && op.notFound === 'empty') return { kind: 'empty', response };
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
  const errorContext = { operation: op.label, ...context, ...(retryAfterMs !== undefined && { retryAfterMs }) };
  const error = classifyResponse(response, session.definition.connection.errors, errorContext, session.redactor);
  if (op.alreadyDone.has(error.kind)) return { kind: 'alreadyDone', error };
  throw error;
}

/** Sends and returns the response body, throwing on anything but success. */
export async function sendForBody(session: ConnectorSession, op: OperationModel, request: PreparedRequest, context: ErrorContext): Promise<unknown> {
  const outcome = await sendOperation(session, op, request, context);
  return outcome.kind === 'ok' ? outcome.response.body : undefined;
}
