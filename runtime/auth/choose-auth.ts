// firstConfigured: of several ways to authenticate, the first whose settings all have
// values (e.g. a bearer token, or else a user name and password).
import { connectorError } from '../errors.js';
import type { AuthModel, SingleAuthModel } from '../definition/model.js';
import type { CompiledTemplate } from '../template/compile-template.js';

function templatesOf(auth: SingleAuthModel): CompiledTemplate[] {
  return Object.values(auth).flatMap((value): CompiledTemplate[] => {
    if (Array.isArray(value)) return value as CompiledTemplate[];
    return value !== null && typeof value === 'object' && 'render' in value ? [value as CompiledTemplate] : [];
  });
}

/** Settings an auth option reads (config.<name> in its templates). */
export function settingsRead(auth: SingleAuthModel): string[] {
  const names = new Set<string>();
  for (const template of templatesOf(auth)) for (const m of template.source.matchAll(/config\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]!);
  return [...names];
}

export function chooseAuth(auth: AuthModel, settings: Readonly<Record<string, unknown>>): SingleAuthModel {
  if (auth.type !== 'firstConfigured') return auth;
  const has = (name: string) => settings[name] !== undefined && settings[name] !== '';
  const chosen = auth.options.find((option) => settingsRead(option).every(has));
  if (!chosen) {
    const ways = auth.options.map((option) => settingsRead(option).join(' + ') || option.type).join(', or ');
    throw connectorError('ConfigurationError', `no way to authenticate is configured: give ${ways}`);
  }
  return chosen;
}
