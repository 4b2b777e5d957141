// Settings nothing refers to: declared for a request that was left out, or replaced by a
// translation profile's own (its connection, its path rules). A definition keeps only the
// settings its templates read.
import type { ConnectorDefinition } from '../generated/definition.js';
import type { ImportContext } from './import-context.js';

export function dropUnusedSettings(definition: ConnectorDefinition, context: ImportContext): void {
  const { configuration: _configuration, ...rest } = definition;
  const used = new Set([...JSON.stringify(rest).matchAll(/\bconfig\.([A-Za-z_]\w*)/g)].map((m) => m[1]));
  for (const name of Object.keys(context.settings.toProperties())) {
    if (used.has(name)) continue;
    context.settings.delete(name);
    context.report.add(context.profile ? 'changed' : 'derived', `setting ${name} is left out: nothing in the definition refers to it${context.profile ? ' after the translation' : ''}`, {
      target: `configuration.properties.${name}`,
    });
  }
}
