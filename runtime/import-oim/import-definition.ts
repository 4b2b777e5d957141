// OIM Generic REST configuration -> connector definition. Reads the configuration lists,
// names the classes, builds connection, classes, lookups and mappings, then (optionally)
// applies a translation profile that rewrites them for another API. Everything the importer
// decided, changed or could not translate is in the report.
import type { ClassMappings, ConnectorDefinition, ObjectClass } from '../generated/definition.js';
import { buildConnection } from './build-connection.js';
import { buildLookups } from './build-lookups.js';
import { buildMappings } from './build-mappings.js';
import { buildObjectClass, type BuiltClass } from './build-object-class.js';
import { dropUnusedSettings } from './drop-unused-settings.js';
import type { ImportContext } from './import-context.js';
import { ImportReport } from './import-report.js';
import { reportOrphanIdentityEntries } from './identity-attributes.js';
import type { OimInput } from './input-model.js';
import { nameClasses } from './name-classes.js';
import { keyedItems, readConfiguration, type ListCode, type OimConfiguration } from './oim-configuration.js';
import { applyProfile } from './profile/apply-profile.js';
import type { ProfileModel } from './profile/profile-model.js';
import { reportRecognition, suggestProfiles } from './profile/recognise-source.js';
import { readMaps } from './read-maps.js';
import { SettingsRegistry } from './settings-registry.js';

export interface ImportOptions {
  /** Translation profile to apply (see load-profile.ts). */
  profile?: ProfileModel;
  /** Without a profile: profiles to name in the report when the configuration looks like their source. */
  suggest?: readonly ProfileModel[];
  /** Connector name; default from the lookup names (Lookup.Acme.* -> acme). */
  name?: string;
}

export interface ImportResult {
  definition: ConnectorDefinition;
  report: ImportReport;
}

const keyedLists: readonly ListCode[] = ['relURIs', 'opTypes', 'customPayload', 'specialAttributeHandling', 'specialAttributeTargetFormat', 'targetObjectIdentifier', 'jsonResourcesTag'];
export function connectorName(config: OimConfiguration, given?: string): string {
  const slug = (given ?? config.prefix ?? 'oim-import').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+|-+$/g, '');
  return slug === '' ? 'oim-import' : slug;
}

export function importDefinition(input: OimInput, options: ImportOptions = {}): ImportResult {
  const report = new ImportReport();
  const config = readConfiguration(input, report);
  for (const list of keyedLists) config.lists[list] = keyedItems(config.lists[list], report);
  const { profile } = options;
  if (profile) reportRecognition(profile, config, report);
  else suggestProfiles(options.suggest ?? [], config, report);
  const context: ImportContext = {
    config,
    report,
    settings: new SettingsRegistry(config.itResource, report),
    profile,
    classNames: nameClasses(config.lists.relURIs, report, profile?.legacy.classNames),
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
  if (profile) applyProfile(definition, context, profile);
  dropUnusedSettings(definition, context);
  for (const entry of context.settings.unusedItResource()) {
    report.add('untranslated', `IT resource parameter ${entry.code} is not used by the definition`, { origin: entry.origin, entry: `${entry.code}=${entry.decode}` });
  }
  definition.configuration = { properties: context.settings.toProperties() };
  return { definition, report };
}
