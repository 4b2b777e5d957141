// The one got instance of a connection: keep-alive sockets, HTTP/1.1, no got retries (the
// transport's policy retries), no throwing on error statuses (the engine classifies them),
// and text responses (parsed by the transport, so that a non-JSON error page survives).
import http from 'node:http';
import https from 'node:https';
import got, { type Got } from 'got';
import { trustedCertificates } from './tls-trust.js';

export interface GotClientOptions {
  /** Timeout of one attempt. */
  readonly timeoutMs: number;
  readonly userAgent?: string | undefined;
  /** Extra trusted CA (PEM text or file path). */
  readonly ca?: string | undefined;
}

export interface GotClient {
  readonly got: Got;
  /** Closes the keep-alive sockets. */
  close(): void;
}

export const defaultUserAgent = 'generic-rest-connector';

export function createGotClient(options: GotClientOptions): GotClient {
  const ca = trustedCertificates(options.ca);
  const agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true, ...(ca && { ca }) }),
  };
  const instance = got.extend({
    agent: agents,
    http2: false,
    throwHttpErrors: false,
    retry: { limit: 0 },
    responseType: 'text',
    timeout: { request: options.timeoutMs },
    headers: { 'user-agent': options.userAgent ?? defaultUserAgent },
    ...(ca && { https: { certificateAuthority: ca } }),
  });
  return {
    got: instance,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
