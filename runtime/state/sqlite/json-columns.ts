// JSON values in TEXT columns: undefined is stored as NULL and comes back as undefined.
import { connectorError } from '../../errors.js';

export function toJsonColumn(value: unknown, what: string): string | null {
  if (value === undefined) return null;
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw connectorError('OperationFailed', `${what} cannot be stored: ${(error as Error).message}`, { operation: 'state store' }, error);
  }
}

export function fromJsonColumn(text: string | null): unknown {
  return text === null ? undefined : JSON.parse(text);
}
