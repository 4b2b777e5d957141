// Target id -> code key for the lookups a reconciliation map uses, loaded once per run from
// the values the last `connector lookups --sync` stored. A lookup that was never synced, or an
// id it does not list, passes through unchanged: reconciliation reports what the target holds.
import type { StateStore } from '../state/types.js';
import type { LookupCodes } from './map-account.js';

export function loadLookupCodes(state: StateStore, definition: string, lookups: readonly string[]): LookupCodes {
  const tables = new Map<string, Map<string, string>>();
  for (const lookup of lookups) {
    if (!state.getLookupSync(definition, lookup)) continue;
    const table = new Map<string, string>();
    // Directory ids compare without case (GUIDs); the first entry for an id wins.
    for (const entry of state.lookupValues(definition, lookup)) {
      const key = entry.id.toLowerCase();
      if (!table.has(key)) table.set(key, entry.code);
    }
    tables.set(lookup, table);
  }
  return {
    codeOf: (lookup, id) => tables.get(lookup)?.get(id.toLowerCase()),
  };
}
