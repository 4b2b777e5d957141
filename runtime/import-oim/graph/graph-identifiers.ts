// Azure AD Graph names -> Microsoft Graph v1.0 names: objectId is id; objectType (Group,
// Role, User) is @odata.type (#microsoft.graph.group, ...directoryRole, ...user); a few
// properties were renamed (passwordProfile.forceChangePasswordNextLogin -> ...NextSignIn).
import type { ClassMappings, ObjectClass, SpecialRead } from '../../generated/definition.js';

export const renamedProperties: Readonly<Record<string, string>> = {
  objectId: 'id',
  'passwordProfile.forceChangePasswordNextLogin': 'passwordProfile.forceChangePasswordNextSignIn',
};

const graphTypes: Readonly<Record<string, string>> = {
  group: '#microsoft.graph.group',
  role: '#microsoft.graph.directoryRole',
  directoryrole: '#microsoft.graph.directoryRole',
  user: '#microsoft.graph.user',
  contact: '#microsoft.graph.orgContact',
  device: '#microsoft.graph.device',
  serviceprincipal: '#microsoft.graph.servicePrincipal',
};

export interface NameChange {
  what: string;
  target: string;
  from: unknown;
  to: unknown;
}

function renamed(name: string): string {
  return renamedProperties[name] ?? name;
}

/** Renames attributes and identity attributes of a class in place. */
export function renameClassAttributes(className: string, cls: ObjectClass): NameChange[] {
  const changes: NameChange[] = [];
  const attributes: ObjectClass['attributes'] = {};
  for (const [name, attribute] of Object.entries(cls.attributes)) {
    const to = renamed(name);
    if (to !== name) changes.push({ what: 'Azure AD Graph property renamed in Microsoft Graph', target: `${className}.attributes.${name}`, from: name, to });
    attributes[to] = attribute;
  }
  cls.attributes = attributes;
  for (const key of ['uidAttribute', 'nameAttribute', 'statusAttribute', 'passwordAttribute'] as const) {
    const name = cls[key];
    if (name !== undefined && renamed(name) !== name) {
      changes.push({ what: `${key} renamed`, target: `${className}.${key}`, from: name, to: renamed(name) });
      cls[key] = renamed(name);
    }
  }
  return changes;
}

/** Read-side names of a special attribute: the value's property and the type filter. */
export function renameReadFields(target: string, read: SpecialRead): NameChange[] {
  const changes: NameChange[] = [];
  const format = read.specialAttributeTargetFormat;
  if (format !== undefined && renamed(format) !== format) {
    changes.push({ what: 'objectId is id in Microsoft Graph', target: `${target}.specialAttributeTargetFormat`, from: format, to: renamed(format) });
    read.specialAttributeTargetFormat = renamed(format);
  }
  const identifier = read.targetObjectIdentifier;
  if (identifier?.path === 'objectType') {
    const type = graphTypes[identifier.equals.toLowerCase()] ?? `#microsoft.graph.${identifier.equals.charAt(0).toLowerCase()}${identifier.equals.slice(1)}`;
    const to = { path: '@odata.type', equals: type };
    changes.push({ what: 'objectType is @odata.type in Microsoft Graph', target: `${target}.targetObjectIdentifier`, from: identifier, to });
    read.targetObjectIdentifier = to;
  }
  return changes;
}

/** Map entries that name a renamed attribute. */
export function renameMappingAttributes(className: string, mappings: ClassMappings): NameChange[] {
  const changes: NameChange[] = [];
  for (const direction of ['provisioning', 'reconciliation', 'trusted'] as const) {
    const map = mappings[direction];
    if (!map) continue;
    for (const [field, entry] of Object.entries(map)) {
      if (entry === undefined) continue;
      const name = typeof entry === 'string' ? entry : entry.attribute;
      if (renamed(name) === name) continue;
      changes.push({ what: 'the map follows the renamed attribute', target: `mappings.${className}.${direction}.${field}`, from: name, to: renamed(name) });
      map[field] = typeof entry === 'string' ? renamed(name) : { ...entry, attribute: renamed(name) };
    }
  }
  return changes;
}

/** Lookup templates that read a renamed property ({{item.objectId}}). */
export function renameTemplate(template: string): string {
  return template.replace(/\{\{item\.([\w.]+)\}\}/g, (whole, name: string) => (renamed(name) !== name ? `{{item.${renamed(name)}}}` : whole));
}
