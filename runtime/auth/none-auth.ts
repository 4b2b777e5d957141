// auth.type "none": no credentials at all.
import type { AuthProvider } from './auth-provider.js';
import { staticHeaders } from './static-headers.js';

export function noneAuth(): AuthProvider {
  return staticHeaders({});
}
