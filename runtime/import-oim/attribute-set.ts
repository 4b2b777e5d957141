// The attributes of one imported class. OIM does not declare attributes: they are inferred
// from the identity entries (uid, name, status, password) and the attribute maps. Types are
// guessed from names (accountEnabled: boolean) and the guesses reported. Names that differ
// only in case ("Description" in one map, "description" in another) are one attribute.
import type { Attribute, AttributeType } from '../generated/definition.js';
import type { ImportContext } from './import-context.js';
import type { Origin } from './input-model.js';

export function guessType(name: string, quoted = false): AttributeType {
  const last = name.split('.').pop() ?? name;
  if (quoted || /Enabled$|^(is|has)[A-Z]|^force[A-Z]|Next(Login|SignIn)$/.test(last)) return 'boolean';
  if (/(DateTime|Timestamp)$/i.test(last)) return 'datetime';
  return 'string';
}

export class AttributeSet {
  private readonly attributes = new Map<string, Attribute>();
  private readonly guessed: string[] = [];

  constructor(
    private readonly context: ImportContext,
    private readonly className: string,
  ) {}

  /** The attribute's name as declared, whatever its case, or undefined. */
  resolve(name: string): string | undefined {
    if (this.attributes.has(name)) return name;
    return [...this.attributes.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
  }

  /** Declares an attribute (or finds it); returns the name to use. */
  add(name: string, attribute: Attribute, origin?: Origin, guessed = false): string {
    const existing = this.resolve(name);
    if (existing !== undefined) {
      if (existing !== name) {
        this.context.report.add('derived', `"${name}" is attribute "${existing}" of class ${this.className} (the case differs)`, origin ? { origin } : {});
      }
      return existing;
    }
    this.attributes.set(name, attribute);
    if (guessed && attribute.type !== 'string') this.guessed.push(`${name}: ${attribute.type}`);
    return name;
  }

  /** A plain attribute from a map, typed by its name; write-only under the password's parent. */
  addFromMap(name: string, quoted: boolean, passwordAttribute: string | undefined, origin: Origin): string {
    const parent = passwordAttribute?.includes('.') ? passwordAttribute.slice(0, passwordAttribute.lastIndexOf('.') + 1) : undefined;
    const writeOnly = parent !== undefined && name.startsWith(parent);
    return this.add(name, { type: guessType(name, quoted), ...(writeOnly && { readable: false, returnedByDefault: false }) }, origin, true);
  }

  has(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  toRecord(): Record<string, Attribute> {
    if (this.guessed.length > 0) {
      this.context.report.add('derived', `attribute types of class ${this.className} guessed from their names (others are strings): ${this.guessed.join(', ')}`);
    }
    return Object.fromEntries(this.attributes);
  }
}
