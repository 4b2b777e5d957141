// OIM Generic REST configuration -> connector definition. Reads the configuration lists,
// names the classes, builds connection, classes, lookups and mappings, then (optionally)
// translates Azure AD Graph conventions to Microsoft Graph v1.0. Everything the importer
// decided or could not translate is in the report.
import type { ClassMappings, ConnectorDefinition, ObjectClass } from '../generated/definition.js';
import { buildConnection } from './build-connection.js';
import { buildLookups } from './build-lookups.js';
import { buildMappings } from './build-mappings.js';
import { buildObjectClass, type BuiltClass } from './build-object-class.js';
import { translateToMicrosoftGraph } from './graph/translate-to-graph.js';
import type { ImportContext } from './import-context.js';
import { ImportReport } from './import-report.js';
import { reportOrphanIdentityEntries } from './identity-attributes.js';
import type { OimInput } from './input-model.js';
import { nameClasses } from './name-classes.js';
import { keyedItems, readConfiguration, type ListCode, type OimConfiguration } from './oim-configuration.js';
import { readMaps } from './read-maps.js';
import { SettingsRegistry } from './settings-registry.js';

export interface ImportOptions {
  toMicrosoftGraph?: boolean;
  /** Connector name; default from the lookup names (Lookup.Office365.* -> office365). */
  name?: string;
}

export interface ImportResult {
  definition: ConnectorDefinition;
  report: ImportReport;
}

const keyedLists: readonly ListCode[] = ['relURIs', 'opTypes', 'customPayload', 'specialAttributeHandling', 'specialAttributeTargetFormat', 'targetObjectIdentifier', 'jsonResourcesTag'];
const microsoftSigns = /\$links|directoryObjects|directoryRoles|subscribedSkus|graph\.windows\.net|graph\.microsoft\.com/;

function isMicrosoft(config: OimConfiguration, report: ImportReport): boolean {
  const sign = config.lists.relURIs.map((item) => microsoftSigns.exec(item.value)?.[0]).find((s) => s !== undefined);
  if (sign) report.add('derived', `the target is taken to be Microsoft (Azure AD Graph): the relURIs use ${sign}`);
  return sign !== undefined;
}

export function connectorName(config: OimConfiguration, given?: string): string {
  const slug = (given ?? config.prefix ?? 'oim-import').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+|-+$/g, '');
  return slug === '' ? 'oim-import' : slug;
}

export function importDefinition(input: OimInput, options: ImportOptions = {}): ImportResult {
  const report = new ImportReport();
  const config = readConfiguration(input, report);
  for (const list of keyedLists) config.lists[list] = keyedItems(config.lists[list], report);
  const microsoft = isMicrosoft(config, report) || options.toMicrosoftGraph === true;
  const context: ImportContext = {
    config,
    report,
    settings: new SettingsRegistry(config.itResource, report),
    microsoft,
    classNames: nameClasses(config.lists.relURIs, report),
    sources: new Map(),
  };
  const connection = buildConnection(context);
  const maps = readMaps(context);
  const classes = new Map<string, BuiltClass>();
  for (const [objectClass, className] of context.classNames) {
    const built = buildObjectClass(context, objectClass, className, maps.get(objectClass));
    if (built) classes.set(objectClass, built);
  }
  reportOrphanIdentityEntries(context);
  const lookups = buildLookups(context, classes);
  const objectClasses: Record<string, ObjectClass> = {};
  const mappings: Record<string, ClassMappings> = {};
  for (const cls of classes.values()) {
    objectClasses[cls.name] = cls.definition;
    const classMappings = buildMappings(context, cls, maps.get(cls.objectClass));
    if (classMappings) mappings[cls.name] = classMappings;
  }
  for (const entry of context.settings.unusedItResource()) {
    report.add('untranslated', `IT resource parameter ${entry.code} is not used by the definition`, { origin: entry.origin, entry: `${entry.code}=${entry.decode}` });
  }
  const name = connectorName(config, options.name);
  const definition: ConnectorDefinition = {
    name,
    displayName: `${config.prefix ?? name} (imported from OIM)`,
    description: 'Imported from an Oracle Identity Manager Generic REST connector configuration by `connector import-oim`.',
    version: '0.1.0',
    configuration: { properties: {} },
    connection,
    objectClasses,
    ...(Object.keys(lookups).length > 0 && { lookups }),
    ...(Object.keys(mappings).length > 0 && { mappings }),
  };
  if (options.toMicrosoftGraph) translateToMicrosoftGraph(definition, context);
  definition.configuration = { properties: context.settings.toProperties() };
  return { definition, report };
}
