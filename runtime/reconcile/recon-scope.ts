// Everything the per-account actions of one run need, built once: the mode's rules and map,
// lookup codes, trusted defaults, and the key under which accounts of this mode are remembered.
// Target and trusted mode keep separate account records (snapshots of different maps, links to
// identities for different purposes), as OIM keeps separate resource objects.
import type { DefinitionModel, ObjectClassModel, ReconciliationModeModel, ReconciliationModel } from '../definition/model.js';
import { connectorError } from '../errors.js';
import { compileAttributeMap, type CompiledAttributeMap } from '../mapping/attribute-map.js';
import { loadLookupCodes } from '../mapping/lookup-codes.js';
import type { LookupCodes } from '../mapping/map-account.js';
import { compileMapReader, type ObjectReader } from '../mapping/map-reader.js';
import type { IdentityValue, StateStore } from '../state/types.js';
import { identityValue } from './identity-values.js';

export interface ReconScope {
  readonly state: StateStore;
  readonly definition: string;
  readonly cls: ObjectClassModel;
  /** objectClass key of this mode's accounts, tokens and runs in the state store. */
  readonly accountClass: string;
  readonly trusted: boolean;
  readonly rules: ReconciliationModeModel;
  readonly recon: ReconciliationModel;
  readonly map: CompiledAttributeMap;
  /** Target JSON -> the connector object the map reads. */
  readonly readObject: ObjectReader;
  /** The `select` variable of list requests: the target attributes the map and the strategy read. */
  readonly select: string;
  readonly lookups: LookupCodes;
  /** Special attributes the map uses but this run does not read. */
  readonly unread: ReadonlySet<string>;
  readonly defaults: Readonly<Record<string, IdentityValue>>;
  /** Field of the map holding __NAME__ (to name deleted accounts from their snapshot). */
  readonly nameField?: string;
  /**
   * Target mode with an empty identity store: no account can match, and the run creates no
   * identity, so the match rules are not even tried (a first target run skips 100k lookups).
   */
  readonly matchesNothing: boolean;
  /** Trusted mode: identity field and value that mean disabled (deleteAction disable). */
  readonly disabled?: { readonly field: string; readonly value: IdentityValue };
}

export interface ScopeOptions {
  trusted: boolean;
  /** Special attributes read with their own request per object: 'all' those the map uses, or names. */
  specials?: 'all' | readonly string[];
}

export function accountClassOf(cls: ObjectClassModel, trusted: boolean): string {
  return trusted ? `${cls.name}:trusted` : cls.name;
}

export function buildReconScope(definition: DefinitionModel, cls: ObjectClassModel, state: StateStore, config: Readonly<Record<string, unknown>>, options: ScopeOptions): ReconScope {
  const recon = definition.reconciliation.get(cls.name);
  const modeName = options.trusted ? 'trusted' : 'target';
  const rules = recon?.[modeName];
  if (!recon || !rules) {
    throw connectorError('ConfigurationError', `class ${cls.name} has no ${modeName} reconciliation in the definition`, {
      objectClass: cls.name, operation: 'reconcile', hint: `add reconciliation.${cls.name}.${modeName} with match rules`,
    });
  }
  const map = compileAttributeMap(definition, cls, options.trusted ? 'trusted' : 'reconciliation', config);
  if (!map) throw connectorError('ConfigurationError', `class ${cls.name} has no mappings.${cls.name}.${options.trusted ? 'trusted' : 'reconciliation'} map`, { objectClass: cls.name, operation: 'reconcile' });
  const read = options.specials === 'all' ? map.requestedSpecials : options.specials ?? [];
  const unread = new Set(map.requestedSpecials.filter((name) => !read.includes(name)));
  const defaults: Record<string, IdentityValue> = {};
  if (options.trusted) for (const [field, value] of Object.entries(definition.mappings.get(cls.name)?.trustedDefaults ?? {})) if (value !== undefined) defaults[field] = value;
  const nameField = map.fields.find((rule) => rule.source.kind === 'name')?.field;
  return {
    state, definition: definition.name, cls, accountClass: accountClassOf(cls, options.trusted), trusted: options.trusted, rules, recon, map, readObject: compileMapReader(map), select: selectFor(cls, map, recon),
    lookups: loadLookupCodes(state, definition.name, map.lookups), unread, defaults, matchesNothing: !options.trusted && state.countIdentities() === 0,
    ...(nameField !== undefined && { nameField }),
    ...(options.trusted && { disabled: disabledStatus(map, rules.statusField) }),
  };
}

/**
 * Only what reconciliation reads is asked for (OIM fetches the attributes of the recon map):
 * less for the target to send and for us to parse, and a delta query then tracks only changes
 * that matter. Special attributes read from the object come through the operation's own query.
 */
function selectFor(cls: ObjectClassModel, map: CompiledAttributeMap, recon: ReconciliationModel): string {
  const attributes = [cls.uidAttribute, cls.nameAttribute, cls.statusAttribute];
  for (const rule of map.fields) if (rule.source.kind === 'attribute') attributes.push(cls.attributes.get(rule.source.name));
  if (recon.incremental?.strategy === 'timestamp') attributes.push(cls.attributes.get(recon.incremental.attribute));
  const names = attributes.flatMap((attribute) => (attribute?.readable ? [attribute.targetPath[0]!] : []));
  for (const rule of map.fields) {
    // A special read from the object (e.g. $.assignedLicenses[*]) needs the property its path starts at.
    const path = rule.source.kind === 'special' ? rule.source.special.read?.fromObject?.source : undefined;
    const top = path === undefined ? undefined : /^\$?\.?([A-Za-z_@][\w@-]*)/.exec(path)?.[1];
    if (top !== undefined) names.push(top);
  }
  return [...new Set(names)].join(',');
}

/** What the status field holds for a disabled account: the map's own translation of __ENABLE__ = false. */
function disabledStatus(map: CompiledAttributeMap, statusField: string | undefined): { field: string; value: IdentityValue } {
  const rule = map.fields.find((candidate) => (statusField === undefined ? candidate.source.kind === 'enable' : candidate.field === statusField));
  const field = statusField ?? rule?.field ?? 'Status';
  const value = rule?.source.kind === 'enable' ? identityValue(rule.transform(false)) : 'Disabled';
  return { field, value: value ?? 'Disabled' };
}
