// Settings for one run: definition defaults, then a preset, then --config FILE, then --set
// key=value. A value {"env": "NAME"} is read from the environment (the way to pass secrets).
// Every problem is reported at once; secret values are registered with the redactor.
import { connectorError } from '../errors.js';
import { Redactor } from '../redaction.js';
import { didYouMean } from './did-you-mean.js';
import type { DefinitionModel, SettingModel } from './model.js';

export type SettingValue = string | number | boolean;
export type SettingsInput = Readonly<Record<string, unknown>>;

export interface SettingsSources {
  preset?: string;
  /** Values from a --config file, with the file name for messages. */
  file?: { path: string; values: SettingsInput };
  /** --set key=value pairs, values still text. */
  sets?: ReadonlyArray<readonly [string, string]>;
  env?: Readonly<Record<string, string | undefined>>;
  /** Leave required settings without a value out instead of failing (dry runs). */
  allowMissing?: boolean;
}

export interface ResolvedSettings {
  values: Readonly<Record<string, SettingValue>>;
  /** Required settings that had no value (only with allowMissing). */
  missing: readonly string[];
  redactor: Redactor;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function resolveSettings(model: DefinitionModel, sources: SettingsSources): ResolvedSettings {
  const problems: string[] = [];
  const values: Record<string, SettingValue> = {};
  const env = sources.env ?? process.env;
  const redactor = new Redactor();
  const known = model.settings;

  for (const setting of known.values()) if (setting.default !== undefined) values[setting.name] = setting.default;
  if (sources.preset !== undefined) {
    const preset = model.presets.get(sources.preset);
    if (!preset) problems.push(`unknown preset "${sources.preset}"${didYouMean(sources.preset, model.presets.keys())}; presets: ${[...model.presets.keys()].join(', ') || 'none'}`);
    else Object.assign(values, preset.values);
  }
  const accept = (name: string, raw: unknown, origin: string): void => {
    const setting = known.get(name);
    if (!setting) {
      problems.push(`${origin}: unknown setting "${name}"${didYouMean(name, known.keys())}`);
      return;
    }
    let value = raw;
    if (isEnvReference(raw)) {
      value = env[raw.env];
      if (value === undefined) {
        problems.push(`${origin}: setting "${name}" reads the environment variable ${raw.env}, which is not set`);
        return;
      }
    }
    const coerced = coerce(setting, value, origin, problems);
    if (coerced !== undefined) values[name] = coerced;
  };
  for (const [name, raw] of Object.entries(sources.file?.values ?? {})) accept(name, raw, sources.file!.path);
  for (const [name, raw] of sources.sets ?? []) accept(name, raw, `--set ${name}`);

  const missing: string[] = [];
  for (const setting of known.values()) {
    const value = values[setting.name];
    if (value === undefined) {
      if (setting.required) (sources.allowMissing ? missing : problems).push(sources.allowMissing ? setting.name : `setting "${setting.name}" is required: ${setting.description}`);
      continue;
    }
    checkConstraints(setting, value, problems);
    if (setting.secret) redactor.addSecret(String(value));
  }
  if (problems.length > 0) {
    throw connectorError('ConfigurationError', redactor.redactText(problems.join('; ')));
  }
  return { values, missing, redactor };
}

function isEnvReference(value: unknown): value is { env: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { env?: unknown }).env === 'string';
}

function coerce(setting: SettingModel, value: unknown, origin: string, problems: string[]): SettingValue | undefined {
  const fromText = typeof value === 'string' && setting.type !== 'string';
  switch (setting.type) {
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (fromText && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      break;
    case 'integer':
    case 'number': {
      const number = typeof value === 'number' ? value : fromText && value.trim() !== '' ? Number(value) : NaN;
      if (Number.isFinite(number) && (setting.type === 'number' || Number.isInteger(number))) return number;
      break;
    }
  }
  const shown = setting.secret ? 'the given value' : JSON.stringify(value);
  problems.push(`${origin}: setting "${setting.name}" must be ${setting.type === 'integer' ? 'an integer' : `a ${setting.type}`}, not ${shown}`);
  return undefined;
}

function checkConstraints(setting: SettingModel, value: SettingValue, problems: string[]): void {
  const shown = setting.secret ? 'its value' : JSON.stringify(value);
  if (setting.enum && !setting.enum.includes(value)) problems.push(`setting "${setting.name}": ${shown} is not one of ${setting.enum.join(', ')}`);
  if (typeof value === 'number') {
    if (setting.minimum !== undefined && value < setting.minimum) problems.push(`setting "${setting.name}" must be ≥ ${setting.minimum}, not ${value}`);
    if (setting.maximum !== undefined && value > setting.maximum) problems.push(`setting "${setting.name}" must be ≤ ${setting.maximum}, not ${value}`);
  }
  if (typeof value !== 'string') return;
  if (setting.pattern && !setting.pattern.test(value)) problems.push(`setting "${setting.name}": ${shown} does not match ${setting.pattern.source}`);
  if (setting.format === 'uri' && !isAbsoluteUrl(value)) problems.push(`setting "${setting.name}": ${shown} is not an absolute URL`);
  if (setting.format === 'uuid' && !uuidPattern.test(value)) problems.push(`setting "${setting.name}": ${shown} is not a UUID`);
  if (setting.format === 'hostname' && !/^[A-Za-z0-9.-]+$/.test(value)) problems.push(`setting "${setting.name}": ${shown} is not a host name`);
}

function isAbsoluteUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
