// What every step of an import shares: the configuration read from the input, the report,
// the settings being declared, the translation profile (if any), the names chosen for
// classes, and where each part of the definition came from (so later translations can quote
// the original entry).
import type { ImportReport } from './import-report.js';
import type { OimConfiguration } from './oim-configuration.js';
import type { ProfileModel } from './profile/profile-model.js';
import type { SettingsRegistry } from './settings-registry.js';
import { describeItem, type OimItem } from './split-decode-list.js';

export interface ImportContext {
  readonly config: OimConfiguration;
  readonly report: ImportReport;
  readonly settings: SettingsRegistry;
  /** The translation profile being applied: its `legacy` part says how the configuration reads. */
  readonly profile: ProfileModel | undefined;
  /** OIM class (e.g. __ACCOUNT__) -> class name in the definition (e.g. user). */
  readonly classNames: ReadonlyMap<string, string>;
  /** Definition place (e.g. "user.operations.create") -> the OIM items it was built from. */
  readonly sources: Map<string, OimItem[]>;
}

export function recordSource(context: ImportContext, target: string, ...items: Array<OimItem | undefined>): void {
  const found = items.filter((i): i is OimItem => i !== undefined);
  if (found.length > 0) context.sources.set(target, [...(context.sources.get(target) ?? []), ...found]);
}

/** The original entries behind a definition place, for report entries. */
export function sourceOf(context: ImportContext, target: string): { entry?: string; origin?: OimItem['origin'] } {
  let place = target;
  while (place !== '') {
    const items = context.sources.get(place);
    if (items?.[0]) return { entry: items.map(describeItem).join(' | '), origin: items[0].origin };
    place = place.includes('.') ? place.slice(0, place.lastIndexOf('.')) : '';
  }
  return {};
}

/** Items whose key is exactly `key` (spaces ignored); a second, different value is reported. */
export function findItem(context: ImportContext, items: readonly OimItem[], key: string): OimItem | undefined {
  const matches = items.filter((item) => item.key?.replace(/\s+/g, '') === key);
  const [first, ...others] = matches;
  for (const other of others) {
    if (other.value !== first?.value) {
      context.report.add('untranslated', `${key} is given twice in ${other.code} with different values; the first (${first?.value}) is used`, {
        entry: describeItem(other),
        origin: other.origin,
      });
    }
  }
  return first;
}
