// A tiny identity provider on 127.0.0.1 for auth tests: an OAuth 2.0 token endpoint at
// /token and Microsoft-identity-platform-shaped endpoints that msal-node accepts as a known
// authority (/{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/oauth2/v2.0/token).
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { loopbackCertificate } from '../../../fixtures/tls/loopback-certificate.js';

export interface TokenRequest {
  path: string;
  form: URLSearchParams;
  authorization: string | undefined;
}

export interface FakeIdentityServer {
  readonly url: string;
  readonly tokenRequests: TokenRequest[];
  readonly discoveryRequests: number;
  /** Answer the next token requests with these (status, body, headers) before issuing tokens. */
  failNext(...answers: Array<{ status: number; body: unknown; headers?: Record<string, string> }>): void;
  close(): Promise<void>;
}

export interface FakeIdentityOptions {
  clientId: string;
  clientSecret: string;
  /** HTTPS with this key and certificate; default: the loopback certificate. 'http' for plain HTTP. */
  tls?: { key: string; cert: string } | 'http';
  expiresIn?: number | string;
}

export async function startIdentityServer(options: FakeIdentityOptions): Promise<FakeIdentityServer> {
  const tokenRequests: TokenRequest[] = [];
  const queued: Array<{ status: number; body: unknown; headers?: Record<string, string> }> = [];
  let discoveryRequests = 0;
  let base = '';

  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const path = new URL(req.url ?? '/', base).pathname;
    const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (req.method === 'GET' && discovery) {
      discoveryRequests += 1;
      const tenant = discovery[1]!;
      return json(res, 200, {
        token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
        issuer: `${base}/${tenant}/v2.0`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
      });
    }
    if (req.method !== 'POST' || !(path === '/token' || /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path))) return json(res, 404, { error: 'not_found' });
    const form = new URLSearchParams(body);
    tokenRequests.push({ path, form, authorization: req.headers.authorization });
    const next = queued.shift();
    if (next) return json(res, next.status, next.body, next.headers);
    const [id, secret] = credentials(form, req.headers.authorization);
    if (id !== options.clientId || secret !== options.clientSecret) {
      return json(res, 401, {
        error: 'invalid_client',
        error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${id}'. You sent '${secret}'.\r\nTrace ID: 0000\r\nCorrelation ID: 1111\r\nTimestamp: 2024-01-01 00:00:00Z`,
        error_codes: [7000215],
      });
    }
    json(res, 200, { token_type: 'Bearer', expires_in: options.expiresIn ?? 3599, ext_expires_in: 3599, access_token: `issued-token-${tokenRequests.length}-${Math.random().toString(36).slice(2)}` });
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => handle(req, res, body));
  };
  const tls = options.tls ?? (await loopbackCertificate());
  const server = tls === 'http' ? createHttpServer(listener) : createHttpsServer({ key: tls.key, cert: tls.cert }, listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `${tls === 'http' ? 'http' : 'https'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    tokenRequests,
    get discoveryRequests() {
      return discoveryRequests;
    },
    failNext: (...answers) => queued.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function credentials(form: URLSearchParams, authorization: string | undefined): [string | null, string | null] {
  if (authorization?.startsWith('Basic ')) {
    const [id = '', secret = ''] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
    return [decodeURIComponent(id.replace(/\+/g, ' ')), decodeURIComponent(secret.replace(/\+/g, ' '))];
  }
  return [form.get('client_id'), form.get('client_secret')];
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
