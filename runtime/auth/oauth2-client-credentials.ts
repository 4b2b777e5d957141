// OAuth 2.0 client credentials (RFC 6749 4.4): one token per connection, cached until
// shortly before it expires, requested again after a 401. Token requests are idempotent,
// so network failures and busy answers are retried a few times with the transport's policy.
import type { AuthModel, RetryModel } from '../definition/model.js';
import { connectorError } from '../errors.js';
import type { Redactor } from '../redaction.js';
import type { TemplateContext } from '../template/evaluate-expression.js';
import { describeRequest } from '../http/describe-request.js';
import { createGotClient, type GotClient } from '../http/got-client.js';
import { networkFailure } from '../http/network-error.js';
import { nextRetryDelay, parseRetryAfter } from '../http/retry-policy.js';
import { parseBody } from '../http/send-attempt.js';
import { sleep } from '../http/sleep.js';
import { transportError } from '../http/transport-error.js';
import type { PreparedRequest } from '../http/types.js';
import type { AuthOptions, AuthProvider } from './auth-provider.js';
import { renderAuthSecret, renderAuthUrl, renderAuthValue } from './render-auth.js';
import { tokenEndpointError } from './token-endpoint-error.js';
import { TokenCache, tokenRefreshAt, type AccessToken } from './token-cache.js';

type Model = Extract<AuthModel, { type: 'oauth2ClientCredentials' }>;

const tokenRetry: RetryModel = { maxAttempts: 3, maxElapsedMs: 15_000, baseDelayMs: 200, maxDelayMs: 2_000, statuses: new Set([429, 500, 502, 503, 504]) };
/** Lifetime assumed when the endpoint does not say (expires_in is only RECOMMENDED). */
const defaultExpiresInSeconds = 3600;

export function oauth2ClientCredentials(model: Model, context: TemplateContext, redactor: Redactor, options: AuthOptions = {}): AuthProvider {
  const tokenURL = renderAuthUrl(model.tokenURL, context, 'tokenURL').href;
  const clientId = renderAuthValue(model.clientId, context, 'clientId');
  const clientSecret = renderAuthSecret(model.clientSecret, context, 'clientSecret', redactor);
  const scope = model.scope?.render(context).trim();
  const now = options.now ?? Date.now;
  const client = createGotClient({ timeoutMs: 30_000, ca: options.ca });

  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (model.clientAuthentication === 'basic') {
    // RFC 6749 2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
    const pair = Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64');
    redactor.addSecret(pair);
    headers['authorization'] = `Basic ${pair}`;
  } else {
    form.set('client_id', clientId);
    form.set('client_secret', clientSecret);
  }
  if (scope) form.set('scope', scope);
  const body = form.toString();

  const cache = new TokenCache(async () => {
    const token = await requestToken(client, tokenURL, headers, body, redactor, now);
    redactor.addSecret(token.value);
    return token;
  }, now);

  return {
    headers: async (forceRefresh = false) => ({ Authorization: `Bearer ${await cache.get(forceRefresh)}` }),
    close: async () => client.close(),
  };
}

async function requestToken(client: GotClient, url: string, headers: Record<string, string>, body: string, redactor: Redactor, now: () => number): Promise<AccessToken> {
  const described = describeRequest('POST', url, redactor);
  const startedAt = now();
  for (let attempt = 1; ; attempt += 1) {
    const answer = await postForm(client, url, headers, body);
    const elapsedMs = now() - startedAt;
    if ('error' in answer) {
      const failure = networkFailure(answer.error);
      const delayMs = failure && nextRetryDelay({ attempt, outcome: { failure }, retry: tokenRetry, retrySafe: true, elapsedMs, random: Math.random });
      if (delayMs === undefined) throw transportError(tokenRequest(url), answer.error, failure, { attempts: attempt, elapsedMs }, redactor);
      await sleep(delayMs);
      continue;
    }
    if (answer.status === 200) {
      const token = accessToken(answer.body, now());
      if (token) return token;
      throw connectorError('ConfigurationError', `token request ${described} answered without an access_token`, {
        operation: 'authenticate',
        request: described,
        hint: 'check that the token URL is the OAuth 2.0 token endpoint',
      });
    }
    const retryAfterMs = parseRetryAfter(answer.headers['retry-after'], now());
    const delayMs = nextRetryDelay({ attempt, outcome: { status: answer.status }, retry: tokenRetry, retrySafe: true, retryAfterMs, elapsedMs, random: Math.random });
    if (delayMs === undefined) throw tokenEndpointError(answer.status, answer.body, described, redactor);
    await sleep(delayMs);
  }
}

type FormAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: unknown } | { error: unknown };

async function postForm(client: GotClient, url: string, headers: Record<string, string>, body: string): Promise<FormAnswer> {
  try {
    const response = await client.got(url, { method: 'POST', headers, body });
    return { status: response.statusCode, headers: response.headers, body: parseBody(response.body, response.headers['content-type']) };
  } catch (error) {
    return { error };
  }
}

function tokenRequest(url: string): PreparedRequest {
  return { method: 'POST', url, headers: {}, label: 'authenticate', retrySafe: true };
}

function accessToken(body: unknown, obtainedAt: number): AccessToken | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const { access_token: value, expires_in: expiresIn } = body as Record<string, unknown>;
  if (typeof value !== 'string' || value === '') return undefined;
  // Some endpoints send expires_in as a string ("3599").
  const seconds = Number(expiresIn);
  const lifetime = expiresIn !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : defaultExpiresInSeconds;
  return { value, refreshAt: tokenRefreshAt(obtainedAt, lifetime) };
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
