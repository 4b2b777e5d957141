// Reconciliation events: one NDJSON line per thing that happened to an account (OIM's
// reconciliation events with their action-rule outcome). Unchanged accounts emit nothing.
import type { MappedRecord } from '../mapping/map-account.js';
import type { IdentityId } from '../state/types.js';

export const eventTypes = ['create', 'update', 'link', 'delete', 'disable', 'unmatched', 'conflict'] as const;
export type ReconEventType = (typeof eventTypes)[number];

export interface ReconEvent {
  event: ReconEventType;
  /** The definition's class name. */
  class: string;
  uid: string;
  name?: string;
  /**
   * Mapped fields: all of them for create, link, unmatched and conflict; only the changed ones
   * for update (null: cleared); absent for delete and disable.
   */
  attributes?: MappedRecord;
  /** The identity created, linked, updated, disabled or deleted. */
  identity?: IdentityId;
  /** Conflict: the identities the deciding rule found. */
  identities?: IdentityId[];
  /** 1-based number of the match rule that decided (link, conflict). */
  rule?: number;
}

export type EventCounts = Record<ReconEventType, number>;

export function emptyCounts(): EventCounts {
  return { create: 0, update: 0, link: 0, delete: 0, disable: 0, unmatched: 0, conflict: 0 };
}

/** The counts stored in a checkpoint, read back defensively (an old or hand-edited state file). */
export function countsFrom(value: unknown): EventCounts {
  const counts = emptyCounts();
  if (value === null || typeof value !== 'object') return counts;
  for (const type of eventTypes) {
    const n = (value as Record<string, unknown>)[type];
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) counts[type] = n;
  }
  return counts;
}

export function totalEvents(counts: EventCounts): number {
  return eventTypes.reduce((sum, type) => sum + counts[type], 0);
}

/**
 * One NDJSON line. `attributesJson`, when given, is the attributes already serialized (the
 * snapshot text): a run of 100k accounts then serializes each record once, not twice.
 */
export function eventLine(event: ReconEvent, attributesJson?: string): string {
  let line = `{"event":"${event.event}","class":${JSON.stringify(event.class)},"uid":${JSON.stringify(event.uid)}`;
  if (event.name !== undefined) line += `,"name":${JSON.stringify(event.name)}`;
  const attributes = attributesJson ?? (event.attributes === undefined ? undefined : JSON.stringify(event.attributes));
  if (attributes !== undefined) line += `,"attributes":${attributes}`;
  if (event.identity !== undefined) line += `,"identity":${event.identity}`;
  if (event.identities !== undefined) line += `,"identities":${JSON.stringify(event.identities)}`;
  if (event.rule !== undefined) line += `,"rule":${event.rule}`;
  return `${line}}\n`;
}
