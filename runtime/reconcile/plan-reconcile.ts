// `connector plan <definition> reconcile`: the requests a reconciliation of the class starts
// each kind of round with, computed without any network and without a state file: the map's
// $select, the filter, the delta query, or the timestamp strategy's changes round with the
// watermark shown as <watermark>.
import { connectorError } from '../errors.js';
import { buildRequest } from '../operations/build-request.js';
import { requireClass, resolvePageSize } from '../operations/operation-names.js';
import { planListing, type PlannedRequest } from '../operations/plan-operation.js';
import type { ResolvedConnection } from '../operations/resolved-connection.js';
import { openStateStore } from '../state/index.js';
import { buildReconScope } from './recon-scope.js';

export interface ReconcilePlanInput {
  objectClass?: string;
  mode: 'full' | 'incremental';
  trusted: boolean;
  filter?: string;
  rawFilter?: string;
}

const watermarkShown = '<watermark>';

export function planReconcile(connection: ResolvedConnection, input: ReconcilePlanInput): PlannedRequest[] {
  const definition = connection.definition;
  const cls = requireClass(definition, input.objectClass);
  // The scope reads lookup codes from a store: an empty one in memory (the $select does not depend on it).
  const state = openStateStore(':memory:');
  let select: string;
  try {
    select = buildReconScope(definition, cls, state, connection.context.config, { trusted: input.trusted }).select;
  } finally {
    state.close();
  }
  const filters = { ...(input.filter !== undefined && { filter: input.filter }), ...(input.rawFilter !== undefined && { rawFilter: input.rawFilter }) };
  if (input.mode === 'full') {
    const partial = input.filter !== undefined || input.rawFilter !== undefined;
    return [planListing(connection, cls, { ...filters, select, note: partial ? 'first page of a filtered run (never reports deletions)' : 'first page; accounts the listing does not return are deletions' })];
  }
  if (input.filter !== undefined || input.rawFilter !== undefined) {
    throw connectorError('ConfigurationError', '--filter and --raw-filter apply to full reconciliation; an incremental round always covers the whole class', { objectClass: cls.name, operation: 'reconcile' });
  }
  const incremental = definition.reconciliation.get(cls.name)?.incremental;
  if (!incremental) {
    throw connectorError('ConfigurationError', `class ${cls.name} has no incremental strategy`, {
      objectClass: cls.name, operation: 'reconcile', hint: `add reconciliation.${cls.name}.incremental (delta or timestamp), or use --mode full`,
    });
  }
  if (incremental.strategy === 'delta') {
    const delta = cls.operations.delta;
    if (!delta) throw connectorError('ConfigurationError', `class ${cls.name} has no delta operation`, { objectClass: cls.name, operation: 'reconcile' });
    const pageSize = resolvePageSize(delta.paging, connection.context.config);
    const request = buildRequest(connection, delta, { select, page: { size: pageSize ?? '' } });
    return [{ request, note: 'first round: lists every object; later rounds send the delta link it stores' }];
  }
  const context = { ...connection.context, watermark: watermarkShown };
  const extraQuery = incremental.query.map(([name, template]) => [name, template.render(context)] as const).filter(([, value]) => value !== '');
  const extraRawFilter = incremental.filter?.render(context);
  const planned: PlannedRequest[] = [
    planListing(connection, cls, { select, note: 'first round: lists every object and keeps the greatest timestamp as the watermark' }),
    planListing(connection, cls, { select, extraQuery, ...(extraRawFilter && { extraRawFilter }), note: 'later rounds: what changed after the stored watermark' }),
  ];
  if (incremental.deleted) {
    const pageSize = resolvePageSize(incremental.deleted.paging, connection.context.config);
    const request = buildRequest(connection, incremental.deleted, { watermark: watermarkShown, page: { size: pageSize ?? '' } });
    planned.push({ request, note: 'later rounds: what was deleted after the watermark' });
  }
  return planned.map(showWatermark);
}

/** The placeholder as written, not percent-encoded. */
function showWatermark(planned: PlannedRequest): PlannedRequest {
  return { ...planned, request: { ...planned.request, url: planned.request.url.replace(/%3Cwatermark%3E/gi, watermarkShown) } };
}
