// The connection of a Microsoft Graph v1.0 definition: the graphBaseUrl setting, MSAL client
// credentials, paging by @odata.nextLink, JSON $batch, the error rules Graph needs (a
// duplicate is a 400 ObjectConflict, not a 409), retries with Retry-After, OData filters.
import type { Connection } from '../../generated/definition.js';
import { odataFilter } from '../build-connection.js';
import type { SettingsRegistry } from '../settings-registry.js';

export const graphErrors: NonNullable<Connection['errors']> = {
  codePath: '$.error.code',
  messagePath: '$.error.message',
  detailCodePath: '$.error.details[*].code',
  rules: [
    { description: 'A duplicate userPrincipalName or mailNickname: Graph answers 400 ObjectConflict, not 409.', status: 400, detailCode: 'ObjectConflict', kind: 'AlreadyExists' },
    { description: 'Adding a member that already is one.', status: 400, messageContains: 'added object references already exist', kind: 'AlreadyExists' },
    { description: 'A license needs a usage location first.', status: 400, messageContains: 'usage location', kind: 'InvalidAttributeValue', field: 'usageLocation', hint: 'set usageLocation (a two-letter country code) before assigning licenses' },
    { status: 404, code: 'Request_ResourceNotFound', kind: 'UnknownUid' },
    { status: 404, code: 'ResourceNotFound', kind: 'UnknownUid' },
    { status: 401, kind: 'InvalidCredentials', hint: 'check tenantId, clientId and clientSecret' },
    { status: 403, kind: 'PermissionDenied', hint: 'grant the app the Graph application permissions it needs and give admin consent' },
    { status: 400, kind: 'InvalidAttributeValue' },
  ],
};

/** Replaces the Azure AD Graph settings (baseUrl, apiVersion) with Graph's; returns the connection. */
export function graphConnection(previous: Connection, settings: SettingsRegistry): Connection {
  settings.delete('baseUrl');
  settings.delete('apiVersion');
  const baseURL = settings.declare('graphBaseUrl', { type: 'string', format: 'uri', default: 'https://graph.microsoft.com/v1.0', description: 'Microsoft Graph endpoint including the version (national clouds have their own).' });
  const pageSize = settings.declare('pageSize', { type: 'integer', default: 999, minimum: 1, maximum: 999, description: 'Objects per page when listing ($top).' });
  const auth: Connection['auth'] =
    previous.auth.type === 'msalClientCredentials'
      ? previous.auth
      : {
          type: 'msalClientCredentials',
          authorityHost: settings.declare('authorityHost', { type: 'string', format: 'uri', default: 'https://login.microsoftonline.com', description: 'Microsoft identity platform host that issues tokens.' }),
          tenantId: settings.placeholder('tenant_id', 'Directory (tenant) id or initial domain of the tenant (OIM tenant_id).'),
          clientId: settings.declare('clientId', { type: 'string', required: true, description: 'Application (client) id.' }),
          clientSecret: settings.declare('clientSecret', { type: 'string', required: true, secret: true, description: 'Client secret; give it as {"env": "NAME"}.' }),
          scopes: ['{{connection.origin}}/.default'],
        };
  if (previous.auth.type !== 'msalClientCredentials') settings.delete('tokenUrl');
  return {
    baseURL,
    auth,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...previous.headers },
    requestIdHeader: 'client-request-id',
    timeoutMs: 60000,
    retry: { maxAttempts: 8, maxElapsedMs: 300000, baseDelayMs: 500, maxDelayMs: 60000, statuses: [429, 500, 502, 503, 504] },
    consistencyRetry: { maxElapsedMs: 60000, baseDelayMs: 250 },
    errors: graphErrors,
    paging: { type: 'nextLink', nextLinkPath: '@odata.nextLink', pageSizeParam: '$top', pageSize },
    batch: { protocol: 'odataJsonBatch', relURI: '/$batch', maxRequests: 20 },
    filter: odataFilter,
  };
}
