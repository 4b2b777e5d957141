// The settings an imported definition declares: OIM placeholders such as $(account_id)$ and
// the connection's own (base URL, credentials). Values from an IT resource section become
// defaults, except secrets, which are never written into a definition.
import type { Setting } from '../generated/definition.js';
import type { ImportReport } from './import-report.js';
import type { OimEntry } from './input-model.js';
import { canonicalCodeKey, settingName } from './normalize-text.js';

const secretNames = /secret|password|passwd|token|credential|key$/i;

export class SettingsRegistry {
  private readonly settings = new Map<string, Setting>();
  private readonly itResource = new Map<string, OimEntry>();
  /** IT resource parameter (canonical key) -> the settings that took their value from it. */
  private readonly usedItResource = new Map<string, Set<string>>();

  constructor(
    itResource: readonly OimEntry[],
    private readonly report: ImportReport,
  ) {
    for (const entry of itResource) this.itResource.set(canonicalCodeKey(entry.code), entry);
  }

  /** Declares a setting (first declaration wins) and returns its template, e.g. {{config.accountId}}. */
  declare(name: string, setting: Setting, itResourceNames: readonly string[] = [name]): string {
    if (!this.settings.has(name)) this.settings.set(name, this.withItResourceValue(name, setting, itResourceNames));
    return `{{config.${name}}}`;
  }

  /** Declares a setting in place of any earlier declaration of that name; returns its template. */
  replace(name: string, setting: Setting): string {
    this.settings.set(name, this.withItResourceValue(name, setting, [name]));
    return `{{config.${name}}}`;
  }

  /** A setting for an OIM placeholder such as $(account_id)$ or <account_id>. */
  placeholder(placeholder: string, description?: string): string {
    const name = settingName(placeholder);
    return this.declare(
      name,
      { type: 'string', required: true, description: description ?? `OIM placeholder $(${placeholder})$ (an IT resource parameter).`, ...(secretNames.test(placeholder) && { secret: true }) },
      [placeholder, name],
    );
  }

  has(name: string): boolean {
    return this.settings.has(name);
  }

  /** Leaves a setting out; IT resource parameters only it used count as unused again. */
  delete(name: string): void {
    this.settings.delete(name);
    for (const [key, users] of this.usedItResource) {
      users.delete(name);
      if (users.size === 0) this.usedItResource.delete(key);
    }
  }

  get(name: string): Setting | undefined {
    return this.settings.get(name);
  }

  toProperties(): Record<string, Setting> {
    return Object.fromEntries(this.settings);
  }

  /** The value of an IT resource parameter, which then counts as used by the setting `forSetting`. */
  itResourceValue(name: string, forSetting: string): string | undefined {
    const key = canonicalCodeKey(name);
    const entry = this.itResource.get(key);
    if (entry) this.markUsed(key, forSetting);
    return entry?.decode.trim();
  }

  private markUsed(key: string, setting: string): void {
    const users = this.usedItResource.get(key) ?? new Set<string>();
    users.add(setting);
    this.usedItResource.set(key, users);
  }

  /** IT resource parameters that no setting used. */
  unusedItResource(): OimEntry[] {
    return [...this.itResource.entries()].filter(([key]) => !this.usedItResource.has(key)).map(([, entry]) => entry);
  }

  private withItResourceValue(name: string, setting: Setting, names: readonly string[]): Setting {
    const found = names.map((n) => [canonicalCodeKey(n), this.itResource.get(canonicalCodeKey(n))] as const).find(([, entry]) => entry !== undefined);
    if (!found?.[1]) return setting;
    const [key, entry] = found;
    this.markUsed(key, name);
    if (setting.secret || secretNames.test(entry.code)) {
      this.report.add('derived', `IT resource parameter ${entry.code} is a secret: its value is not written into the definition; give setting ${name} with --config or --set`, { origin: entry.origin, entry: `${entry.code}=<redacted>` });
      return setting;
    }
    const value = coerce(entry.decode.trim(), setting.type);
    const { required: _required, ...rest } = setting;
    this.report.add('derived', `setting ${name} defaults to the IT resource value of ${entry.code}`, { origin: entry.origin, entry: `${entry.code}=${entry.decode}` });
    return { ...rest, default: value };
  }
}

function coerce(value: string, type: Setting['type']): string | number | boolean {
  if (type === 'boolean') return /^(true|yes|1)$/i.test(value);
  if ((type === 'integer' || type === 'number') && value !== '' && !Number.isNaN(Number(value))) return Number(value);
  return value;
}
