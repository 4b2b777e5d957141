// One place that turns a non-success response into the operation's ConnectorError.
import type { ErrorContext } from '../errors.js';
import type { HttpResponse } from '../http/types.js';
import { classifyResponse } from '../http/classify-error.js';
import type { ConnectorSession } from './session.js';

export function responseError(session: ConnectorSession, response: HttpResponse, context: ErrorContext): never {
  throw classifyResponse(response, session.definition.connection.errors, context, session.redactor);
}
