// A profile's renames and targetObjectIdentifier values: attribute and property names the
// translated API spells differently, wherever the imported definition names them.
import type { ClassMappings, ObjectClass, SpecialRead } from '../../generated/definition.js';
import type { ProfileModel } from './profile-model.js';

export interface NameChange {
  what: string;
  target: string;
  from: unknown;
  to: unknown;
  /** Nothing changed because the profile has no rule for it. */
  untranslated?: boolean;
}

export class Renamer {
  constructor(private readonly profile: ProfileModel) {}

  /** The new name, or the name itself. */
  name(name: string): string {
    return this.profile.renames.get(name)?.to ?? name;
  }

  why(name: string): string {
    return this.profile.renames.get(name)?.description ?? '';
  }

  /** Attributes and identity attributes of a class, in place. */
  classAttributes(className: string, cls: ObjectClass): NameChange[] {
    const changes: NameChange[] = [];
    const attributes: ObjectClass['attributes'] = {};
    for (const [name, attribute] of Object.entries(cls.attributes)) {
      const to = this.name(name);
      if (to !== name) changes.push({ what: this.why(name), target: `${className}.attributes.${name}`, from: name, to });
      attributes[to] = attribute;
    }
    cls.attributes = attributes;
    for (const key of ['uidAttribute', 'nameAttribute', 'statusAttribute', 'passwordAttribute'] as const) {
      const name = cls[key];
      if (name === undefined || this.name(name) === name) continue;
      changes.push({ what: `${key} renamed: ${this.why(name)}`, target: `${className}.${key}`, from: name, to: this.name(name) });
      cls[key] = this.name(name);
    }
    return changes;
  }

  /** Read side of a special attribute: the value's property and the type filter. */
  readFields(target: string, read: SpecialRead): NameChange[] {
    const changes: NameChange[] = [];
    const format = read.specialAttributeTargetFormat;
    if (format !== undefined && this.name(format) !== format) {
      changes.push({ what: this.why(format), target: `${target}.specialAttributeTargetFormat`, from: format, to: this.name(format) });
      read.specialAttributeTargetFormat = this.name(format);
    }
    const identifier = read.targetObjectIdentifier;
    if (!identifier) return changes;
    const values = this.profile.identifierValues.get(identifier.path);
    const equals = values?.values.get(identifier.equals.toLowerCase());
    const to = { path: this.name(identifier.path), equals: equals ?? identifier.equals };
    const why = [...(to.path !== identifier.path ? [this.why(identifier.path)] : []), ...(equals !== undefined ? [values?.description ?? ''] : [])];
    if (why.length > 0) {
      changes.push({ what: why.join('; '), target: `${target}.targetObjectIdentifier`, from: identifier, to });
      read.targetObjectIdentifier = to;
    }
    if (values && equals === undefined) {
      changes.push({ what: `the profile has no value for ${identifier.path} "${identifier.equals}"; the filter keeps it as it is`, target: `${target}.targetObjectIdentifier`, from: identifier, to: read.targetObjectIdentifier, untranslated: true });
    }
    return changes;
  }

  /** Map entries that name a renamed attribute. */
  mappingAttributes(className: string, mappings: ClassMappings): NameChange[] {
    const changes: NameChange[] = [];
    for (const direction of ['provisioning', 'reconciliation', 'trusted'] as const) {
      const map = mappings[direction];
      if (!map) continue;
      for (const [field, entry] of Object.entries(map)) {
        if (entry === undefined) continue;
        const name = typeof entry === 'string' ? entry : entry.attribute;
        const to = this.name(name);
        if (to === name) continue;
        changes.push({ what: `the map follows the renamed attribute: ${this.why(name)}`, target: `mappings.${className}.${direction}.${field}`, from: name, to });
        map[field] = typeof entry === 'string' ? to : { ...entry, attribute: to };
      }
    }
    return changes;
  }

  /** Lookup templates that read a renamed property ({{item.<name>}}). */
  template(template: string): { text: string; why: string[] } {
    const why: string[] = [];
    const text = template.replace(/\{\{item\.([\w.]+)\}\}/g, (whole, name: string) => {
      if (this.name(name) === name) return whole;
      why.push(this.why(name));
      return `{{item.${this.name(name)}}}`;
    });
    return { text, why };
  }
}
