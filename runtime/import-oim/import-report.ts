// The import report: every decision the importer made that a reader of the result should
// know about, each with the original OIM entry. Nothing the importer cannot translate is
// dropped silently: it is listed here as `untranslated`.
import { formatOrigin, type Origin } from './input-model.js';

/**
 * - untranslated: an entry (or part of one) that has no equivalent; it was left out
 * - repaired: malformed input that was fixed (e.g. a customPayload that was not JSON)
 * - derived: something the configuration did not say and the importer decided (an OIM
 *   default, a guess from a name); check it
 * - changed: a rule of the translation profile (--profile) rewrote it
 * - ignored: entries that carry no behaviour (bundle name, names of other lookups)
 */
export type ReportKind = 'untranslated' | 'repaired' | 'derived' | 'changed' | 'ignored';

export interface ReportEntry {
  kind: ReportKind;
  message: string;
  /** The original OIM entry, e.g. `relURIs: __ACCOUNT__.manager=/$(tenant)$/accounts/...`. */
  entry?: string;
  /** Where the entry was read. */
  origin?: Origin;
  /** Where the result sits in the definition, e.g. `user.specialAttributes.manager.set.relURI`. */
  target?: string;
  /** Value before and after a change (changed / repaired). */
  from?: unknown;
  to?: unknown;
}

export interface EntrySource {
  entry?: string;
  origin?: Origin;
}

export class ImportReport {
  readonly entries: ReportEntry[] = [];

  add(kind: ReportKind, message: string, details: Omit<ReportEntry, 'kind' | 'message'> = {}): void {
    const entry: ReportEntry = { kind, message };
    for (const key of ['entry', 'origin', 'target', 'from', 'to'] as const) {
      if (details[key] !== undefined) Object.assign(entry, { [key]: details[key] });
    }
    // The same finding reached twice (e.g. a duplicate key looked up by two builders) is listed once.
    if (this.entries.some((e) => JSON.stringify(e) === JSON.stringify(entry))) return;
    this.entries.push(entry);
  }

  count(kind: ReportKind): number {
    return this.entries.filter((e) => e.kind === kind).length;
  }
}

/** One report entry as lines of text: "file:line: kind: message" and the entry indented. */
export function formatReportEntry(entry: ReportEntry): string {
  const place = entry.origin ? `${formatOrigin(entry.origin)}: ` : '';
  const lines = [`${place}${entry.kind}: ${entry.message}`];
  if (entry.target !== undefined) lines.push(`    in ${entry.target}`);
  if (entry.from !== undefined || entry.to !== undefined) lines.push(`    ${show(entry.from)} -> ${show(entry.to)}`);
  if (entry.entry !== undefined) lines.push(`    OIM: ${entry.entry}`);
  return lines.join('\n');
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);
}
