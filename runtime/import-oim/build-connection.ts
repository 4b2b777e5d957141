// The connection of an imported definition: the base URL and credentials as settings (OIM
// keeps them in the IT resource), the headers from httpHeaderAccept / httpHeaderContentType.
// The configuration does not say how to authenticate: OAuth 2.0 client credentials with a
// tokenUrl setting, the Generic REST connector's usual scheme. A translation profile that
// knows the target replaces this connection with its own.
import type { Auth, Connection } from '../generated/definition.js';
import type { ImportContext } from './import-context.js';
import { headerValue } from './oim-configuration.js';

function baseUrlDefault(context: ImportContext): string | undefined {
  const param = (name: string) => context.settings.itResourceValue(name, 'baseUrl');
  const host = param('host');
  if (!host) return undefined;
  const ssl = !/^(false|no|0)$/i.test(param('sslenabled') ?? 'true');
  const port = param('port');
  return `${/^https?:\/\//.test(host) ? '' : ssl ? 'https://' : 'http://'}${host}${port ? `:${port}` : ''}`;
}

function auth(context: ImportContext): Auth {
  const { settings } = context;
  const clientId = settings.declare('clientId', { type: 'string', required: true, description: 'Client (application) id of the OAuth client (IT resource clientId).' }, ['clientId', 'client_id']);
  const clientSecret = settings.declare('clientSecret', { type: 'string', required: true, secret: true, description: 'Client secret (IT resource clientSecret); give it as {"env": "NAME"}.' }, ['clientSecret', 'client_secret']);
  const tokenURL = settings.declare('tokenUrl', { type: 'string', format: 'uri', required: true, description: 'OAuth 2.0 token endpoint (IT resource authenticationServerUrl).' }, ['authenticationServerUrl', 'tokenUrl']);
  if (!context.profile?.connection) {
    context.report.add('derived', 'the configuration does not say how to authenticate: OAuth 2.0 client credentials with the settings tokenUrl, clientId and clientSecret (OIM keeps these in the IT resource)');
  }
  return { type: 'oauth2ClientCredentials', tokenURL, clientId, clientSecret };
}

/** The profile's connection, when it has a filter translation, can express searches by name. */
export function filterSyntaxKnown(context: ImportContext): boolean {
  return context.profile?.connection?.filter !== undefined;
}

export function buildConnection(context: ImportContext): Connection {
  const fallback = baseUrlDefault(context);
  const baseURL = context.settings.declare('baseUrl', {
    type: 'string',
    format: 'uri',
    description: 'Base URL the relURIs are relative to (IT resource host, port and sslEnabled).',
    ...(fallback !== undefined ? { default: fallback } : { required: true }),
  });
  const headers: Record<string, string> = {};
  const { accept, contentType } = context.config.headers;
  if (accept) headers.Accept = headerValue(accept);
  if (contentType) headers['Content-Type'] = headerValue(contentType);
  if (!context.profile?.connection?.paging) {
    context.report.add('untranslated', 'OIM pages through results with its own settings, none of which the configuration holds: list operations read one response (paging "none"); add a paging strategy if the target pages');
  }
  if (!filterSyntaxKnown(context)) {
    context.report.add('untranslated', 'the target\'s filter syntax is unknown: connector filters (--filter) cannot be translated; give filters in the target\'s syntax (--raw-filter, OIM\'s Filter Suffix)');
  }
  return {
    baseURL,
    auth: auth(context),
    ...(Object.keys(headers).length > 0 && { headers }),
    paging: { type: 'none' },
  };
}
