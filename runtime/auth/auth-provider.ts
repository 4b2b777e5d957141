// What the transport needs from an auth kind: the headers to add to a request.
import type { TemplateContext } from '../template/evaluate-expression.js';

export interface AuthProvider {
  /**
   * Headers to add to every request (e.g. Authorization). `forceRefresh` after a 401 asks for
   * a new token instead of the cached one.
   */
  headers(forceRefresh?: boolean): Promise<Record<string, string>>;
  /**
   * False when asking again cannot give other credentials (a static password or token), so
   * the transport does not re-send after a 401. Absent means true.
   */
  readonly refreshable?: boolean;
  /** Releases sockets and caches. */
  close?(): Promise<void>;
}

/** The rendered connection values auth templates may name (connection.baseURL, connection.origin). */
export interface AuthConnection {
  readonly baseURL: string;
  readonly origin: string;
}

export interface AuthOptions {
  /** Extra trusted CA certificate (PEM text or a PEM file path), as for the transport. */
  readonly ca?: string | undefined;
  /** Clock for token lifetimes; Date.now by default. */
  readonly now?: () => number;
}

export function authTemplateContext(settings: Record<string, unknown>, connection: AuthConnection): TemplateContext {
  return { config: settings, connection: { baseURL: connection.baseURL, origin: connection.origin } };
}
