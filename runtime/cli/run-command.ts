// `connector run <definition> <operation>`: executes one operation and prints its result as JSON.
import { connectorError, type ConnectorError } from '../errors.js';
import type { Connector } from '../operations/connector.js';
import { connectorOperations, isConnectorOperation, requireUid, type ConnectorOperation } from '../operations/operation-names.js';
import type { WriteResult } from '../operations/write-result.js';
import { parseLimit, readJsonFile, type CommonOptions } from './common-options.js';
import { exitCodes, UsageError } from './exit-codes.js';
import { openConnector } from './open-connector.js';
import { writeJsonLines } from './output.js';

export interface RunOptions extends CommonOptions {
  class?: string;
  uid?: string;
  attrs?: string;
  filter?: string;
  rawFilter?: string;
  limit?: string;
}

export async function runCommand(path: string, operation: string, options: RunOptions): Promise<number> {
  if (!isConnectorOperation(operation)) throw new UsageError(`unknown operation "${operation}"; operations: ${connectorOperations.join(', ')}`);
  if (!options.class) throw new UsageError('--class is required');
  // Checked before anything is opened: `run ... search --limit abc` used to list everything.
  const limit = parseLimit(options.limit);
  const attributes = options.attrs !== undefined ? readJsonFile(options.attrs, 'attributes') : undefined;
  const opened = await openConnector(path, options);
  try {
    if (operation === 'search') {
      await writeJsonLines(process.stdout, opened.connector.search(options.class, {
        ...(options.filter !== undefined && { filter: options.filter }),
        ...(options.rawFilter !== undefined && { rawFilter: options.rawFilter }),
        ...(limit !== undefined && { limit }),
      }));
      return exitCodes.ok;
    }
    const result = await perform(opened.connector, operation, options.class, options.uid, attributes);
    process.stdout.write(JSON.stringify(result) + '\n');
    return isPartial(result) ? reportPartial(result) : exitCodes.ok;
  } finally {
    await opened.close();
  }
}

function perform(connector: Connector, operation: Exclude<ConnectorOperation, 'search'>, objectClass: string, uid: string | undefined, attributes: unknown): Promise<unknown> {
  const needUid = () => requireUid(operation, uid);
  const attrs = () => {
    if (attributes === undefined) throw connectorError('ConfigurationError', `${operation} needs --attrs`);
    return attributes;
  };
  switch (operation) {
    case 'create':
      return connector.create(objectClass, attrs());
    case 'update':
      return connector.update(objectClass, needUid(), attrs());
    case 'delete':
      return connector.delete(objectClass, needUid());
    case 'restore':
      return connector.restore(objectClass, needUid());
    case 'get':
      return connector.get(objectClass, needUid());
    case 'add-values':
      return connector.addValues(objectClass, needUid(), attrs());
    case 'remove-values':
      return connector.removeValues(objectClass, needUid(), attrs());
    case 'enable':
      return connector.enable(objectClass, needUid());
    case 'disable':
      return connector.disable(objectClass, needUid());
    case 'set-password':
      return connector.setPassword(objectClass, needUid(), attrs());
  }
}

function isPartial(result: unknown): result is WriteResult {
  return typeof result === 'object' && result !== null && (result as WriteResult).status === 'partial';
}

/** Some follow-up steps failed: the object exists (its uid is printed), the failed steps are named. */
function reportPartial(result: WriteResult): number {
  const failed = result.steps.filter((s) => s.status === 'failed');
  const first = failed[0]?.error as Partial<ConnectorError> & { kind?: string; message?: string };
  process.stderr.write(
    JSON.stringify({
      kind: first?.kind ?? 'OperationFailed',
      message: `${result.operation} of ${result.objectClass} ${result.name ?? result.uid} done, but ${failed.length} step(s) failed: ${failed.map((s) => s.id).join(', ')}. Run the same command again to retry only those steps.`,
      uid: result.uid,
      failedSteps: failed,
    }) + '\n',
  );
  return exitCodes.failed;
}
