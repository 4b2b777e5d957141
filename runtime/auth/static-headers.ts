// Credentials that never change during a run (none, HTTP Basic, a static bearer token).
// A 401 with these is final (refreshable: false): asking again gives the same answer.
import type { AuthProvider } from './auth-provider.js';

export function staticHeaders(headers: Record<string, string>): AuthProvider {
  const frozen = Object.freeze({ ...headers });
  return { refreshable: false, headers: async () => ({ ...frozen }) };
}
