// configuration -> settings and presets, with the checks the schema cannot express.
import type { Setting } from '../generated/definition.js';
import type { BuildContext } from './build-context.js';
import { didYouMean } from './did-you-mean.js';
import { pointerOf } from './json-pointer.js';
import type { PresetModel, SettingModel } from './model.js';

function typeMatches(type: Setting['type'], value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function buildSettings(context: BuildContext): Map<string, SettingModel> {
  const settings = new Map<string, SettingModel>();
  for (const [name, spec] of Object.entries(context.document.configuration?.properties ?? {})) {
    if (!spec) continue;
    const at = pointerOf('configuration', 'properties', name);
    if (spec.default !== undefined && !typeMatches(spec.type, spec.default)) {
      context.problems.add(`${at}/default`, `configuration.properties.${name}.default must be ${article(spec.type)}`);
    }
    let pattern: RegExp | undefined;
    if (spec.pattern !== undefined) {
      try {
        pattern = new RegExp(spec.pattern, 'u');
      } catch (error) {
        context.problems.add(`${at}/pattern`, `configuration.properties.${name}.pattern is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    settings.set(name, {
      name,
      type: spec.type,
      description: spec.description,
      required: spec.required ?? false,
      secret: spec.secret ?? false,
      ...(spec.default !== undefined && { default: spec.default }),
      ...(spec.enum !== undefined && { enum: spec.enum }),
      ...(spec.format !== undefined && { format: spec.format }),
      ...(pattern !== undefined && { pattern }),
      ...(spec.minimum !== undefined && { minimum: spec.minimum }),
      ...(spec.maximum !== undefined && { maximum: spec.maximum }),
    });
  }
  return settings;
}

export function buildPresets(context: BuildContext, settings: ReadonlyMap<string, SettingModel>): Map<string, PresetModel> {
  const presets = new Map<string, PresetModel>();
  for (const [name, preset] of Object.entries(context.document.configuration?.presets ?? {})) {
    if (!preset) continue;
    for (const [setting, value] of Object.entries(preset.values)) {
      const spec = settings.get(setting);
      const at = pointerOf('configuration', 'presets', name, 'values', setting);
      if (!spec) context.problems.add(at, `preset "${name}" sets unknown setting "${setting}"${didYouMean(setting, settings.keys())}`, true);
      else if (!typeMatches(spec.type, value)) context.problems.add(at, `preset "${name}": ${setting} must be ${article(spec.type)}`);
    }
    presets.set(name, { name, description: preset.description ?? '', values: preset.values as Record<string, string | number | boolean> });
  }
  return presets;
}
