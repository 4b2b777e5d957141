// The connection of one run: the definition's connection with the settings applied
// (base URL and connection headers rendered once) and the template context every
// request starts from.
import { connectorError } from '../errors.js';
import type { DefinitionModel } from '../definition/model.js';
import type { ResolvedSettings } from '../definition/resolve-settings.js';

export interface ResolvedConnection {
  readonly definition: DefinitionModel;
  readonly settings: ResolvedSettings;
  /** Base URL without a trailing slash. */
  readonly baseURL: string;
  readonly origin: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Root template context: config.* and connection.*. */
  readonly context: Readonly<{ config: Readonly<Record<string, unknown>>; connection: { baseURL: string; origin: string } }>;
}

export function resolveConnection(definition: DefinitionModel, settings: ResolvedSettings): ResolvedConnection {
  const config = settings.values;
  const rendered = definition.connection.baseURL.render({ config }).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(rendered);
  } catch {
    throw connectorError('ConfigurationError', `connection.baseURL renders to "${rendered}", which is not an absolute URL: check the settings it uses`);
  }
  if (!/^https?:$/.test(url.protocol)) throw connectorError('ConfigurationError', `connection.baseURL must be http or https, not ${url.protocol}`);
  const connection = { baseURL: rendered, origin: url.origin };
  const headers: Record<string, string> = {};
  for (const [name, template] of definition.connection.headers) headers[name] = template.render({ config });
  return { definition, settings, baseURL: rendered, origin: url.origin, headers, context: { config, connection } };
}
