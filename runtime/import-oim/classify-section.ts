// What a lookup definition is for, judged by its name as OIM connectors name them:
// Lookup.Acme.Configuration, Lookup.Acme.UM.ProvAttrMap, Lookup.Acme GM.ReconAttrMap,
// Lookup.Acme.UM.ReconAttrMap.Trusted(.Defaults), Lookup.Acme.Countries, ...
import type { SectionInfo } from './input-model.js';

const configurationNames = /^(configuration|config|lookup\.configuration)$/i;

/** ICF class of an attribute map: UM = user management, GM = group management, or an explicit __X__. */
function mapClass(name: string): string {
  const explicit = /__[A-Z][A-Z0-9_]*__/.exec(name);
  if (explicit) return explicit[0];
  if (/(^|[^A-Za-z])GM([^A-Za-z]|$)/.test(name)) return '__GROUP__';
  return '__ACCOUNT__';
}

export function classifySection(rawName: string): SectionInfo {
  const name = rawName.trim();
  if (/ProvAttrMap|Prov(isioning)?\s*Attribute\s*Map/i.test(name)) return { kind: 'provisioning', objectClass: mapClass(name) };
  if (/Trusted\.?\s*Defaults|Attribute\s*defaults/i.test(name)) return { kind: 'trustedDefaults', objectClass: mapClass(name) };
  if (/ReconAttrMap\.?\s*Trusted/i.test(name)) return { kind: 'trusted', objectClass: mapClass(name) };
  if (/ReconAttrMap|Recon(ciliation)?\s*Attribute\s*Map/i.test(name)) return { kind: 'reconciliation', objectClass: mapClass(name) };
  if (/IT\s*Resource/i.test(name)) return { kind: 'itResource' };
  if (/Configuration\.?\s*Trusted$/i.test(name)) {
    return { kind: 'ignored', reason: 'configuration of trusted-source reconciliation: the definition reads users with the target configuration' };
  }
  if (/(^|[^A-Za-z])(UM|GM)\.\s*Configuration$/i.test(name)) {
    return { kind: 'ignored', reason: 'it only names the attribute-map lookups of an object type' };
  }
  if (configurationNames.test(name) || /\.Configuration$/i.test(name)) return { kind: 'configuration' };
  const lookup = /^Lookup\.(?:[^.]+\.)?\s*([A-Za-z][A-Za-z0-9_]*)$/.exec(name);
  if (lookup?.[1]) return { kind: 'staticLookup', lookupName: lookup[1] };
  return { kind: 'ignored', reason: 'not a lookup definition the importer knows (expected Configuration, ProvAttrMap, ReconAttrMap, IT Resource or Lookup.<x>.<Name>)' };
}

/** The connector prefix of a lookup name: Lookup.Acme.Configuration -> Acme. */
export function lookupPrefix(name: string): string | undefined {
  const match = /^Lookup\.([A-Za-z][A-Za-z0-9_-]*)[. ]/.exec(name.trim());
  return match?.[1];
}
