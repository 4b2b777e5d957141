// Exit codes of the CLI contract: 0 ok, 1 the operation failed, 2 usage/definition/config error.
import { isConnectorError, type ConnectorError } from '../errors.js';
import { DefinitionLoadError, formatProblem } from '../definition/problems.js';

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Prints an error the way scripts expect and returns the exit code. Never a stack trace. */
export function reportError(error: unknown, json: boolean): number {
  if (error instanceof DefinitionLoadError) {
    if (json) process.stderr.write(JSON.stringify({ kind: 'DefinitionError', problems: error.problems }) + '\n');
    else process.stderr.write(error.problems.map(formatProblem).join('\n') + '\n');
    return exitCodes.usage;
  }
  if (error instanceof UsageError) {
    process.stderr.write(json ? JSON.stringify({ kind: 'UsageError', message: error.message }) + '\n' : `error: ${error.message}\n`);
    return exitCodes.usage;
  }
  if (isConnectorError(error)) {
    process.stderr.write(json ? JSON.stringify(error.toJSON()) + '\n' : `${error.message}\n`);
    return exitCodeOf(error);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(json ? JSON.stringify({ kind: 'OperationFailed', message }) + '\n' : `error: ${message}\n`);
  return exitCodes.failed;
}

export function exitCodeOf(error: ConnectorError): number {
  return error.kind === 'ConfigurationError' || error.kind === 'DefinitionError' ? exitCodes.usage : exitCodes.failed;
}
