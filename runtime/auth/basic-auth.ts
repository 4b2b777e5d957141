// auth.type "basic": HTTP Basic (RFC 7617) from the rendered username and password.
import type { AuthModel } from '../definition/model.js';
import type { Redactor } from '../redaction.js';
import type { TemplateContext } from '../template/evaluate-expression.js';
import type { AuthProvider } from './auth-provider.js';
import { renderAuthSecret, renderAuthValue } from './render-auth.js';
import { staticHeaders } from './static-headers.js';

export function basicAuth(model: Extract<AuthModel, { type: 'basic' }>, context: TemplateContext, redactor: Redactor): AuthProvider {
  const username = renderAuthValue(model.username, context, 'username');
  const password = renderAuthSecret(model.password, context, 'password', redactor);
  const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  // The encoded pair reveals the password as surely as the password itself.
  redactor.addSecret(encoded);
  return staticHeaders({ Authorization: `Basic ${encoded}` });
}
