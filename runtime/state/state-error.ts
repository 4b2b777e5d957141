// Errors of the state store itself (as opposed to the target's). They name the store call.
import { connectorError } from '../errors.js';

/** A misuse of the store by its caller (unknown id, finished entry, bad value): a bug to report, not a target failure. */
export function stateError(operation: string, detail: string): Error {
  return connectorError('OperationFailed', detail, { operation: `state ${operation}` });
}
