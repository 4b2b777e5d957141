// Batch items address the target relative to the connection's base URL ("/items/1" under
// https://host/v1.0): the batch endpoint resolves them against itself. A request outside the
// base URL cannot be expressed that way and would silently hit another path, so it is refused.
import { connectorError } from '../errors.js';

export interface BaseLocation {
  readonly origin: string;
  /** Path of the base URL without its trailing slash ("" for the root). */
  readonly path: string;
}

export function baseLocation(baseURL: string): BaseLocation {
  const parsed = new URL(baseURL);
  return { origin: parsed.origin, path: parsed.pathname.replace(/\/+$/, '') };
}

/** "/items/1?$select=id" for https://host/v1.0/items/1?$select=id under https://host/v1.0. */
export function relativeToBase(url: string, base: BaseLocation, label: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw connectorError('ConfigurationError', `cannot batch a request whose URL is not absolute`, { operation: label });
  }
  const path = parsed.pathname;
  const inside = parsed.origin === base.origin && (path === base.path || path.startsWith(`${base.path}/`));
  if (!inside) {
    throw connectorError('ConfigurationError', `cannot batch ${parsed.origin}${path}: it is outside the connection base URL ${base.origin}${base.path}`, {
      operation: label,
      hint: 'batch items must address the target relative to connection.baseURL',
    });
  }
  const relative = path.slice(base.path.length) || '/';
  return `${relative}${parsed.search}`;
}
