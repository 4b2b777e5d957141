// The auth provider of a connection, built once from the definition's auth model and the
// resolved settings. Every secret it renders or obtains is registered with the redactor.
import type { AuthModel } from '../definition/model.js';
import type { Redactor } from '../redaction.js';
import { authTemplateContext, type AuthConnection, type AuthOptions, type AuthProvider } from './auth-provider.js';
import { basicAuth } from './basic-auth.js';
import { bearerAuth } from './bearer-auth.js';
import { chooseAuth } from './choose-auth.js';
import { msalClientCredentials } from './msal-client-credentials.js';
import { noneAuth } from './none-auth.js';
import { oauth2ClientCredentials } from './oauth2-client-credentials.js';

export type { AuthConnection, AuthOptions, AuthProvider } from './auth-provider.js';

/** Throws ConnectorError ConfigurationError when a required value renders empty or a URL is invalid. */
export function createAuthProvider(
  model: AuthModel,
  settings: Record<string, unknown>,
  connection: AuthConnection,
  redactor: Redactor,
  options: AuthOptions = {},
): AuthProvider {
  const context = authTemplateContext(settings, connection);
  const chosen = chooseAuth(model, settings);
  switch (chosen.type) {
    case 'none':
      return noneAuth();
    case 'basic':
      return basicAuth(chosen, context, redactor);
    case 'bearer':
      return bearerAuth(chosen, context, redactor);
    case 'oauth2ClientCredentials':
      return oauth2ClientCredentials(chosen, context, redactor, options);
    case 'msalClientCredentials':
      return msalClientCredentials(chosen, context, redactor, options);
  }
}
