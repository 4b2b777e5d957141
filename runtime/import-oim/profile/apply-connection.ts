// A profile's settings and connection: its settings replace the import's declarations of the
// same name; its connection replaces the imported one (headers merged, the configuration's
// win). Every member that differs is reported with the profile's note for it.
import type { Connection, ConnectorDefinition } from '../../generated/definition.js';
import type { ImportContext } from '../import-context.js';
import type { ProfileModel } from './profile-model.js';

/** A long value as a short description, so a report line stays readable. */
function brief(value: unknown): unknown {
  const text = JSON.stringify(value);
  if (text === undefined || text.length <= 160 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return `${value.length} items`;
  return `{${Object.entries(value)
    .map(([key, member]) => (Array.isArray(member) ? `${key}: ${member.length} items` : key))
    .join(', ')}}`;
}

export function applySettings(context: ImportContext, profile: ProfileModel): void {
  const names = Object.keys(profile.settings);
  for (const name of names) context.settings.replace(name, structuredClone(profile.settings[name]!));
  if (names.length > 0) {
    context.report.add('changed', `settings declared by the translation profile ${profile.name}: ${names.join(', ')}`, { target: 'configuration.properties' });
  }
}

export function applyConnection(definition: ConnectorDefinition, context: ImportContext, profile: ProfileModel): void {
  if (!profile.connection || !definition.connection) return;
  const previous = definition.connection;
  const given = structuredClone(profile.connection);
  const headers = { ...given.headers, ...previous.headers };
  const next: Connection = { ...given, ...(Object.keys(headers).length > 0 && { headers }) };
  const members = new Set([...Object.keys(previous), ...Object.keys(next)] as Array<keyof Connection>);
  for (const member of members) {
    if (JSON.stringify(previous[member]) === JSON.stringify(next[member])) continue;
    const why = profile.connectionNotes[member] ?? `the connection of the translation profile ${profile.name}`;
    context.report.add('changed', why, { target: `connection.${member}`, from: brief(previous[member]), to: brief(next[member]) });
  }
  definition.connection = next;
}
