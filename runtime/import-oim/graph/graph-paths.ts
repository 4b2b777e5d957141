// Azure AD Graph request shapes -> Microsoft Graph v1.0:
//   /{tenant}/users/...                    -> /users/...   (the tenant is in the token)
//   .../$links/members                     -> .../members/$ref
//   .../$links/members/{{uid}}             -> .../members/{{uid}}/$ref
//   .../$links/manager                     -> .../manager/$ref
//   ?api-version=...                       -> dropped (the version is in the base URL)
//   PUT on an object (OIM's default update) -> PATCH
import type { HttpRequestFields } from '../../generated/definition.js';

export interface PathChange {
  what: string;
  from: unknown;
  to: unknown;
}

const tenantSegment = /^\/\{\{config\.\w*[Tt]enant\w*\}\}(?=\/|$)/;

/** A path without the tenant segment and with $links references as Graph's $ref. */
export function graphPath(relURI: string): string {
  const path = relURI.replace(tenantSegment, '') || '/';
  return path.replace(/\/\$links\/([^/]+)\/([^/]+)$/, '/$1/$2/$ref').replace(/\/\$links\/([^/]+)$/, '/$1/$ref');
}

/** Rewrites one request in place; returns what changed. */
export function translateRequest(request: HttpRequestFields, options: { update?: boolean } = {}): PathChange[] {
  const changes: PathChange[] = [];
  if (request.relURI !== undefined) {
    const path = graphPath(request.relURI);
    if (path !== request.relURI) {
      const what = [
        ...(tenantSegment.test(request.relURI) ? ['the tenant path segment is dropped (Microsoft Graph takes the tenant from the token)'] : []),
        ...(/\$links/.test(request.relURI) ? ['Azure AD Graph $links/<nav> is <nav>/$ref in Microsoft Graph'] : []),
      ].join('; ');
      changes.push({ what, from: request.relURI, to: path });
      request.relURI = path;
    }
  }
  if (request.query?.['api-version'] !== undefined) {
    changes.push({ what: 'api-version dropped (the version is part of the Graph base URL)', from: `api-version=${request.query['api-version']}`, to: undefined });
    delete request.query['api-version'];
    if (Object.keys(request.query).length === 0) delete request.query;
  }
  if (options.update && request.opType === 'PUT') {
    changes.push({ what: 'Microsoft Graph updates objects with PATCH', from: 'PUT', to: 'PATCH' });
    request.opType = 'PATCH';
  }
  return changes;
}
