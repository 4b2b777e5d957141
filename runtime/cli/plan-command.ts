// `connector plan <definition> <operation>`: the requests an operation would send, with
// secrets shown as <redacted>; no network. `reconcile` shows the first request of each kind
// of reconciliation round (--mode, --trusted).
import { loadDefinition } from '../definition/load-definition.js';
import type { PreparedRequest } from '../http/types.js';
import { isConnectorOperation, connectorOperations, type ConnectorOperation } from '../operations/operation-names.js';
import { planOperation } from '../operations/plan-operation.js';
import { resolveConnection } from '../operations/resolved-connection.js';
import { planReconcile } from '../reconcile/plan-reconcile.js';
import { redacted, type Redactor } from '../redaction.js';
import { readJsonFile, settingsFor, type CommonOptions } from './common-options.js';
import { UsageError } from './exit-codes.js';

export interface PlanOptions extends CommonOptions {
  class?: string;
  uid?: string;
  attrs?: string;
  filter?: string;
  rawFilter?: string;
  /** reconcile only: full or incremental. */
  mode?: string;
  trusted?: boolean;
}

export async function planCommand(path: string, operation: string, options: PlanOptions): Promise<number> {
  const reconcile = operation === 'reconcile';
  if (!isConnectorOperation(operation) && !reconcile) throw new UsageError(`unknown operation "${operation}"; operations: ${connectorOperations.join(', ')}, reconcile`);
  if (options.mode !== undefined && options.mode !== 'full' && options.mode !== 'incremental') throw new UsageError(`--mode must be full or incremental, got "${options.mode}"`);
  if (!reconcile && (options.mode !== undefined || options.trusted)) throw new UsageError('--mode and --trusted apply to plan reconcile');
  const definition = await loadDefinition(path);
  const settings = settingsFor(definition, options, true);
  if (settings.missing.length > 0 && !options.json) process.stderr.write(`note: settings without a value are shown as <name>: ${settings.missing.join(', ')}\n`);
  const values = { ...settings.values, ...Object.fromEntries(settings.missing.map((name) => [name, `<${name}>`])) };
  if (options.verbose) process.stderr.write(`settings: ${JSON.stringify(settings.redactor.redactValue(values))}\n`);
  const connection = resolveConnection(definition, { ...settings, values });
  const filters = { ...(options.filter !== undefined && { filter: options.filter }), ...(options.rawFilter !== undefined && { rawFilter: options.rawFilter }) };
  const planned = reconcile
    ? planReconcile(connection, { ...(options.class !== undefined && { objectClass: options.class }), mode: options.mode === 'incremental' ? 'incremental' : 'full', trusted: options.trusted === true, ...filters })
    : planOperation(connection, operation as ConnectorOperation, {
        ...(options.class !== undefined && { objectClass: options.class }),
        ...(options.uid !== undefined && { uid: options.uid }),
        ...(options.attrs !== undefined && { attrs: readJsonFile(options.attrs, 'attributes') }),
        ...filters,
      });
  const redactor = settings.redactor;
  for (const { request, note } of planned) {
    const shown = showRequest(request, definition.connection.auth.type, redactor);
    if (options.json) {
      process.stdout.write(JSON.stringify(shown) + '\n');
    } else {
      process.stdout.write(`${shown.method} ${shown.url}${note ? `    # ${note}` : ''}\n`);
      for (const [name, value] of Object.entries(shown.headers)) process.stdout.write(`  ${name}: ${value}\n`);
      if (shown.body !== null) process.stdout.write(`  ${JSON.stringify(shown.body)}\n`);
      process.stdout.write('\n');
    }
  }
  return 0;
}

function showRequest(request: PreparedRequest, authType: string, redactor: Redactor) {
  const headers: Record<string, string> = { ...request.headers };
  if (authType !== 'none') headers.Authorization = redacted;
  return {
    method: request.method,
    url: redactor.redactText(request.url),
    headers: redactor.redactHeaders(headers) as Record<string, string>,
    body: request.body === undefined ? null : redactor.redactValue(request.body),
  };
}
