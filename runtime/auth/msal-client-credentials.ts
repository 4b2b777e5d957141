// Microsoft identity platform client credentials through @azure/msal-node: one confidential
// client per provider, so its token cache is reused. MSAL serves cached tokens and renews
// them before expiry, so it is asked on every call; concurrent callers share one request.
import { createRequire } from 'node:module';
import type { ConfidentialClientApplication } from '@azure/msal-node';
import type { AuthModel } from '../definition/model.js';
import { connectorError } from '../errors.js';
import { createGotClient } from '../http/got-client.js';
import type { Redactor } from '../redaction.js';
import type { TemplateContext } from '../template/evaluate-expression.js';
import type { AuthOptions, AuthProvider } from './auth-provider.js';
import { msalAuthority } from './msal-authority.js';
import { msalError } from './msal-error.js';
import { msalNetworkClient } from './msal-network-client.js';
import { renderAuthSecret, renderAuthValue } from './render-auth.js';
import { TokenCache } from './token-cache.js';

type Model = Extract<AuthModel, { type: 'msalClientCredentials' }>;
type Msal = typeof import('@azure/msal-node');

// MSAL is loaded when a definition authenticates with it, not by every connector: with its
// dependencies it adds about 18 MB of memory and 40 ms to the start of every run.
const require = createRequire(import.meta.url);

export function msalClientCredentials(model: Model, context: TemplateContext, redactor: Redactor, options: AuthOptions = {}): AuthProvider {
  const authorityHost = renderAuthValue(model.authorityHost, context, 'authorityHost');
  const tenantId = renderAuthValue(model.tenantId, context, 'tenantId');
  const clientId = renderAuthValue(model.clientId, context, 'clientId');
  const clientSecret = renderAuthSecret(model.clientSecret, context, 'clientSecret', redactor);
  const scopes = model.scopes.map((scope, i) => renderAuthValue(scope, context, `scopes[${i}]`));
  const { authority, knownAuthorities } = msalAuthority(authorityHost, tenantId);
  const { ConfidentialClientApplication, LogLevel } = require('@azure/msal-node') as Msal;
  const http = createGotClient({ timeoutMs: 30_000, ca: options.ca });
  const network = msalNetworkClient(http);

  let application: ConfidentialClientApplication;
  try {
    application = new ConfidentialClientApplication({
      auth: { clientId, clientSecret, authority, knownAuthorities },
      system: {
        networkClient: network.module,
        // MSAL's log would carry correlation ids and endpoints; keep it quiet and PII-free.
        loggerOptions: { loggerCallback: () => undefined, piiLoggingEnabled: false, logLevel: LogLevel.Error },
      },
    });
  } catch (error) {
    http.close();
    throw msalError(error, authority, redactor);
  }

  const cache = new TokenCache(async (forceRefresh) => {
    let result;
    try {
      result = await application.acquireTokenByClientCredential({ scopes, skipCache: forceRefresh });
    } catch (error) {
      throw msalError(error, authority, redactor, network.takeLastFailure());
    }
    if (!result?.accessToken) {
      throw connectorError('InvalidCredentials', `token request to ${authority} returned no access token`, { operation: 'authenticate' });
    }
    redactor.addSecret(result.accessToken);
    // refreshAt 0: MSAL's cache decides when to renew.
    return { value: result.accessToken, refreshAt: 0 };
  }, options.now);

  return {
    headers: async (forceRefresh = false) => ({ Authorization: `Bearer ${await cache.get(forceRefresh)}` }),
    close: async () => http.close(),
  };
}
