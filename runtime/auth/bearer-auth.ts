// auth.type "bearer": a static token (RFC 6750) from a secret setting.
import type { AuthModel } from '../definition/model.js';
import type { Redactor } from '../redaction.js';
import type { TemplateContext } from '../template/evaluate-expression.js';
import type { AuthProvider } from './auth-provider.js';
import { renderAuthSecret } from './render-auth.js';
import { staticHeaders } from './static-headers.js';

export function bearerAuth(model: Extract<AuthModel, { type: 'bearer' }>, context: TemplateContext, redactor: Redactor): AuthProvider {
  const token = renderAuthSecret(model.token, context, 'token', redactor);
  return staticHeaders({ Authorization: `Bearer ${token}` });
}
