// The connection of an imported definition (before any Microsoft Graph translation): the
// base URL and credentials as settings (OIM keeps them in the IT resource), the headers from
// httpHeaderAccept / httpHeaderContentType. A Microsoft target (Azure AD Graph) gets MSAL
// client credentials and OData filters; any other target OAuth 2.0 client credentials.
import type { Auth, Connection } from '../generated/definition.js';
import type { ImportContext } from './import-context.js';
import { headerValue } from './oim-configuration.js';

export const odataFilter = {
  eq: '{{attribute}} eq {{odata value}}',
  ne: '{{attribute}} ne {{odata value}}',
  startsWith: 'startswith({{attribute}},{{odata value}})',
  and: '({{left}}) and ({{right}})',
  or: '({{left}}) or ({{right}})',
  not: 'not({{operand}})',
};

function baseUrlDefault(context: ImportContext): string | undefined {
  const param = (name: string) => context.settings.itResourceValue(name);
  const host = param('host');
  if (!host) return context.microsoft ? 'https://graph.windows.net' : undefined;
  const ssl = !/^(false|no|0)$/i.test(param('sslenabled') ?? 'true');
  const port = param('port');
  return `${/^https?:\/\//.test(host) ? '' : ssl ? 'https://' : 'http://'}${host}${port ? `:${port}` : ''}`;
}

function auth(context: ImportContext): Auth {
  const { settings } = context;
  const clientId = settings.declare('clientId', { type: 'string', required: true, description: 'Client (application) id of the OAuth client (IT resource clientId).' }, ['clientId', 'client_id']);
  const clientSecret = settings.declare('clientSecret', { type: 'string', required: true, secret: true, description: 'Client secret (IT resource clientSecret); give it as {"env": "NAME"}.' }, ['clientSecret', 'client_secret']);
  if (context.microsoft) {
    return {
      type: 'msalClientCredentials',
      authorityHost: settings.declare('authorityHost', { type: 'string', format: 'uri', default: 'https://login.microsoftonline.com', description: 'Microsoft identity platform host that issues tokens.' }),
      tenantId: settings.placeholder('tenant_id', 'Directory (tenant) id or initial domain of the tenant (OIM tenant_id).'),
      clientId,
      clientSecret,
      scopes: ['{{connection.origin}}/.default'],
    };
  }
  const tokenURL = settings.declare('tokenUrl', { type: 'string', format: 'uri', required: true, description: 'OAuth 2.0 token endpoint (IT resource authenticationServerUrl).' }, ['authenticationServerUrl', 'tokenUrl']);
  context.report.add('derived', 'the target is not recognised as Microsoft: OAuth 2.0 client credentials with the settings tokenUrl, clientId and clientSecret (OIM keeps these in the IT resource)');
  return { type: 'oauth2ClientCredentials', tokenURL, clientId, clientSecret };
}

export function buildConnection(context: ImportContext): Connection {
  const fallback = baseUrlDefault(context);
  const baseURL = context.settings.declare('baseUrl', {
    type: 'string',
    format: 'uri',
    description: context.microsoft ? 'Azure AD Graph endpoint (the host the OIM relURIs are relative to).' : 'Base URL the relURIs are relative to (IT resource host, port and sslEnabled).',
    ...(fallback !== undefined ? { default: fallback } : { required: true }),
  });
  const headers: Record<string, string> = {};
  const { accept, contentType } = context.config.headers;
  if (accept) headers.Accept = headerValue(accept);
  if (contentType) headers['Content-Type'] = headerValue(contentType);
  context.report.add('untranslated', 'OIM pages through results with its own settings, none of which the configuration holds: list operations read one response (paging "none"); add a paging strategy if the target pages');
  if (!context.microsoft) {
    context.report.add('untranslated', 'the target\'s filter syntax is unknown: connector filters (--filter) cannot be translated; give filters in the target\'s syntax (--raw-filter, OIM\'s Filter Suffix)');
  }
  return {
    baseURL,
    auth: auth(context),
    ...(Object.keys(headers).length > 0 && { headers }),
    paging: { type: 'none' },
    ...(context.microsoft && { filter: odataFilter }),
  };
}
