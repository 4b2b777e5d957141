// Which listing a run reads: one account (--uid), the search (full, or filtered by --filter /
// --raw-filter / --limit), or the class's incremental strategy - a delta round from the stored
// link, or a timestamp round after the stored watermark; without a token, the strategy's first
// round, which lists everything.
import { connectorError } from '../errors.js';
import type { ConnectorSession } from '../operations/session.js';
import type { SyncTokenKey } from '../state/types.js';
import type { ChangeSource, RoundSpill } from './change-source.js';
import type { Checkpoint } from './checkpoint.js';
import { deltaSource } from './delta-source.js';
import { fullSource, oneObjectSource } from './full-source.js';
import type { ReconScope } from './recon-scope.js';
import { watermarkSource } from './watermark-source.js';

export interface SourceRequest {
  mode: 'full' | 'incremental';
  filter?: string;
  rawFilter?: string;
  uid?: string;
  limit?: number;
  /** Objects per batch of a collected incremental round. */
  batchSize: number;
  /** Objects a changes round holds in memory before it moves to the state store. */
  roundInMemory?: number;
}

export function tokenKey(scope: ReconScope, kind: 'delta' | 'watermark'): SyncTokenKey {
  return { definition: scope.definition, objectClass: scope.accountClass, kind };
}

/** A changes round of this reconciliation too large for memory goes to the state store under this key. */
function roundSpill(scope: ReconScope, request: SourceRequest): RoundSpill {
  return { state: scope.state, key: `reconcile ${scope.definition} ${scope.accountClass}`, ...(request.roundInMemory !== undefined && { after: request.roundInMemory }) };
}

/** `ignoreToken`: start the strategy's first round even when a token is stored (after an expired link). */
export function chooseSource(session: ConnectorSession, scope: ReconScope, request: SourceRequest, resume: Checkpoint | undefined, ignoreToken = false): ChangeSource {
  const cls = scope.cls;
  const resumeFrom = resume?.continuation;
  if (request.uid !== undefined) return oneObjectSource(session, cls, request.uid);
  const filters = {
    select: scope.select,
    ...(request.filter !== undefined && { filter: request.filter }),
    ...(request.rawFilter !== undefined && { rawFilter: request.rawFilter }),
  };
  if (request.mode === 'full') {
    return fullSource(session, cls, { ...filters, ...(request.limit !== undefined && { limit: request.limit }), ...(resumeFrom !== undefined && { resumeFrom }) });
  }
  const incremental = scope.recon.incremental;
  if (!incremental) {
    throw connectorError('ConfigurationError', `class ${cls.name} has no incremental strategy`, {
      objectClass: cls.name, operation: 'reconcile', hint: `add reconciliation.${cls.name}.incremental (delta or timestamp), or use --mode full`,
    });
  }
  if (request.filter !== undefined || request.rawFilter !== undefined || request.limit !== undefined) {
    // A filtered round would advance the class's token past changes it did not look at.
    throw connectorError('ConfigurationError', '--filter, --raw-filter and --limit apply to full reconciliation; an incremental round always covers the whole class', {
      objectClass: cls.name, operation: 'reconcile',
    });
  }
  if (incremental.strategy === 'delta') {
    const op = cls.operations.delta;
    if (!op) throw connectorError('ConfigurationError', `class ${cls.name} has no delta operation`, { objectClass: cls.name, operation: 'reconcile' });
    const link = ignoreToken ? undefined : scope.state.getToken(tokenKey(scope, 'delta'))?.value;
    return deltaSource(session, cls, op, {
      batchSize: request.batchSize,
      spill: roundSpill(scope, request),
      select: scope.select,
      ...(link !== undefined ? { link } : resumeFrom !== undefined && !ignoreToken && { resumeFrom }),
    });
  }
  const watermark = scope.state.getToken(tokenKey(scope, 'watermark'))?.value;
  return watermarkSource(session, cls, incremental, {
    batchSize: request.batchSize,
    spill: roundSpill(scope, request),
    select: scope.select,
    ...(watermark !== undefined ? { watermark } : {
      ...(resumeFrom !== undefined && { resumeFrom }),
      ...(resume?.maxTimestamp !== undefined && { maxSoFar: resume.maxTimestamp }),
    }),
  });
}
