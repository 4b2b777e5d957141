// The configuration lookup read as OIM reads it: each list entry (relURIs, opTypes, ...)
// split into OBJ_CLASS[.ATTR][.OP]=value items; entries that carry no behaviour are noted,
// unknown ones reported. The attribute maps, IT resource and static lookups ride along.
import { lookupPrefix } from './classify-section.js';
import type { ImportReport } from './import-report.js';
import type { OimEntry, OimInput, OimSection } from './input-model.js';
import { canonicalCodeKey, normalizeQuotes } from './normalize-text.js';
import { describeItem, splitDecodeList, type OimItem } from './split-decode-list.js';

export const listCodes = [
  'relURIs',
  'opTypes',
  'customPayload',
  'specialAttributeHandling',
  'specialAttributeTargetFormat',
  'targetObjectIdentifier',
  'jsonResourcesTag',
  'nameAttributes',
  'uidAttributes',
  'statusAttribute',
  'passwordAttribute',
] as const;
export type ListCode = (typeof listCodes)[number];

/** Entries with a documented meaning but no behaviour to import. */
const informational: Record<string, string> = {
  bundlename: 'the connector bundle is this runtime',
  bundleversion: 'the connector bundle is this runtime',
  connectorname: 'the connector class is this runtime',
  groupconfigurationlookup: 'names another lookup; give that lookup as a section or a second file',
  userconfiguration: 'names another lookup; give that lookup as a section or a second file',
  userconfigurationlookup: 'names another lookup; give that lookup as a section or a second file',
  provisioningattributemap: 'names another lookup; give that lookup as a section or a second file',
  reconattributemap: 'names another lookup; give that lookup as a section or a second file',
  reconattributedefaults: 'names another lookup; give that lookup as a section or a second file',
  anyincrementalreconattributetype: 'timestamp watermarks of this runtime accept any sortable format (ISO-8601, epoch seconds or milliseconds)',
};

export interface OimConfiguration {
  lists: Record<ListCode, OimItem[]>;
  headers: { accept?: OimEntry; contentType?: OimEntry };
  /** "Acme" of Lookup.Acme.Configuration, when the lookup was named. */
  prefix?: string;
  maps: OimSection[];
  itResource: OimEntry[];
  staticLookups: OimSection[];
}

const byCanonical = new Map<string, ListCode>(listCodes.map((code) => [canonicalCodeKey(code), code]));

function listCodeOf(code: string): ListCode | undefined {
  const canonical = canonicalCodeKey(code);
  return byCanonical.get(canonical) ?? byCanonical.get(canonical + 's');
}

export function readConfiguration(input: OimInput, report: ImportReport): OimConfiguration {
  const lists = Object.fromEntries(listCodes.map((code) => [code, [] as OimItem[]])) as Record<ListCode, OimItem[]>;
  const configuration: OimConfiguration = { lists, headers: {}, maps: [], itResource: [], staticLookups: [] };
  for (const section of input.sections) {
    switch (section.kind) {
      case 'configuration': {
        setPrefix(configuration, section.name);
        for (const entry of section.entries) readEntry(entry, configuration, report);
        break;
      }
      case 'itResource':
        configuration.itResource.push(...section.entries);
        break;
      case 'staticLookup':
        configuration.staticLookups.push(section);
        setPrefix(configuration, section.name);
        break;
      case 'ignored':
        report.add('ignored', `lookup ${section.name} not imported: ${section.reason ?? 'unknown lookup'}`, { origin: section.origin });
        break;
      default:
        configuration.maps.push(section);
        setPrefix(configuration, section.name);
    }
  }
  return configuration;
}

function setPrefix(configuration: OimConfiguration, sectionName: string): void {
  const prefix = lookupPrefix(sectionName);
  if (prefix !== undefined && configuration.prefix === undefined) configuration.prefix = prefix;
}

function readEntry(entry: OimEntry, configuration: OimConfiguration, report: ImportReport): void {
  const shown = `${entry.code}=${entry.decode.replace(/\s*\n\s*/g, ' ')}`;
  const canonical = canonicalCodeKey(entry.code);
  const list = listCodeOf(entry.code);
  if (list) {
    configuration.lists[list].push(...splitDecodeList(entry, list));
    return;
  }
  if (canonical === 'httpheaderaccept') configuration.headers.accept = entry;
  else if (canonical === 'httpheadercontenttype') configuration.headers.contentType = entry;
  else if (informational[canonical]) report.add('ignored', `${entry.code}: ${informational[canonical]}`, { entry: shown, origin: entry.origin });
  else report.add('untranslated', `unknown configuration entry "${entry.code}": the importer does not know what it means; left out`, { entry: shown, origin: entry.origin });
}

/** A header entry's value without quotes, e.g. application/json. */
export function headerValue(entry: OimEntry): string {
  return normalizeQuotes(entry.decode).replace(/["\s]/g, '');
}

/** Items that have the OBJ_CLASS...=value form; the others are reported and left out. */
export function keyedItems(items: readonly OimItem[], report: ImportReport): OimItem[] {
  return items.filter((item) => {
    if (item.key !== undefined && item.key !== '') return true;
    report.add('untranslated', `"${item.raw}" in ${item.code} is not of the form OBJ_CLASS[.ATTR][.OP]=value (a truncated or broken entry); left out`, {
      entry: describeItem(item),
      origin: item.origin,
    });
    return false;
  });
}
