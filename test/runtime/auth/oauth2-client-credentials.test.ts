import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createAuthProvider, type AuthProvider } from '../../../runtime/auth/index.js';
import { isConnectorError, type ConnectorError } from '../../../runtime/errors.js';
import type { AuthModel } from '../../../runtime/definition/model.js';
import { Redactor } from '../../../runtime/redaction.js';
import { template } from '../http/test-connection.js';
import { startIdentityServer, type FakeIdentityServer } from './fake-identity-server.js';
import { privateCertificate } from './private-certificate.js';

const connection = { baseURL: 'https://api.example/v2', origin: 'https://api.example' };
const secret = 'cl1ent-s3cret+/=';

function model(server: FakeIdentityServer, extra: Partial<Extract<AuthModel, { type: 'oauth2ClientCredentials' }>> = {}): AuthModel {
  return {
    type: 'oauth2ClientCredentials',
    tokenURL: template('{{config.idp}}/token'),
    clientId: template('{{config.clientId}}'),
    clientSecret: template('{{config.clientSecret}}'),
    scope: template('{{connection.origin}}/.default'),
    clientAuthentication: 'body',
    ...extra,
  };
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

let server: FakeIdentityServer;
const providers: AuthProvider[] = [];
const provider = (m: AuthModel, redactor = new Redactor(), options: { now?: () => number; ca?: string } = {}, clientSecret = secret): AuthProvider => {
  const created = createAuthProvider(m, { idp: server.url, clientId: 'app one', clientSecret }, connection, redactor, options);
  providers.push(created);
  return created;
};

const oauth2 = suite('oauth2 client credentials');
oauth2.before.each(async () => {
  server = await startIdentityServer({ clientId: 'app one', clientSecret: secret });
});
oauth2.after.each(async () => {
  for (const p of providers.splice(0)) await p.close?.();
  await server.close();
});

oauth2('posts the client credentials grant in the form body and returns a bearer header', async () => {
  const redactor = new Redactor();
  const headers = await provider(model(server), redactor).headers();
  const [request] = server.tokenRequests;
  assert.equal(Object.fromEntries(request!.form), { grant_type: 'client_credentials', client_id: 'app one', client_secret: secret, scope: 'https://api.example/.default' });
  assert.is(request!.authorization, undefined);
  assert.match(headers['Authorization']!, /^Bearer issued-token-1-/);
  assert.is(redactor.redactText(headers['Authorization']!), 'Bearer <redacted>');
  assert.is(redactor.redactText(secret), '<redacted>');
});

oauth2('clientAuthentication basic sends form-encoded id and secret as HTTP Basic', async () => {
  await provider(model(server, { clientAuthentication: 'basic' })).headers();
  const [request] = server.tokenRequests;
  assert.is(request!.form.get('client_secret'), null);
  assert.is(request!.authorization, `Basic ${Buffer.from('app+one:cl1ent-s3cret%2B%2F%3D').toString('base64')}`);
});

oauth2('one token request for many callers, concurrent or not, until shortly before expiry', async () => {
  let now = 1_000_000;
  const auth = provider(model(server), new Redactor(), { now: () => now });
  const first = await Promise.all(Array.from({ length: 10 }, () => auth.headers()));
  for (let i = 0; i < 5; i++) await auth.headers();
  assert.is(server.tokenRequests.length, 1);
  assert.is(new Set(first.map((h) => h['Authorization'])).size, 1);
  now += 3599_000 - 61_000; // expires_in 3599: refreshed 60 s early
  await auth.headers();
  assert.is(server.tokenRequests.length, 1);
  now += 2_000;
  await auth.headers();
  assert.is(server.tokenRequests.length, 2);
});

oauth2('a forced refresh gets a new token; a burst of them gets one', async () => {
  const auth = provider(model(server));
  const before = (await auth.headers())['Authorization'];
  const after = await Promise.all(Array.from({ length: 5 }, () => auth.headers(true)));
  assert.is(server.tokenRequests.length, 2);
  assert.is.not(after[0]!['Authorization'], before);
  assert.is(await auth.headers(true).then((h) => h['Authorization']), after[0]!['Authorization']);
  assert.is(server.tokenRequests.length, 2);
});

oauth2('a wrong secret is InvalidCredentials with the OAuth error, and never shows the secret', async () => {
  const error = await failure(provider(model(server), new Redactor(), {}, 'wrong-secret-789').headers());
  assert.is(error.kind, 'InvalidCredentials');
  assert.is(error.context.status, 401);
  assert.is(error.context.targetCode, 'invalid_client');
  assert.match(error.message, /^InvalidCredentials: authenticate failed with HTTP 401 invalid_client: token request POST https:\/\/127\.0\.0\.1:\d+\/token: AADSTS7000215: Invalid client secret provided/);
  assert.not.ok(JSON.stringify(error.toJSON()).includes('wrong-secret-789'));
  assert.is(server.tokenRequests.length, 1);
});

oauth2('invalid_scope is a ConfigurationError; a busy endpoint is retried', async () => {
  server.failNext({ status: 400, body: { error: 'invalid_scope', error_description: 'scope api://x is not valid' } });
  const error = await failure(provider(model(server)).headers());
  assert.is(error.kind, 'ConfigurationError');
  assert.match(error.message, /invalid_scope: .*scope api:\/\/x is not valid\. Hint: check the token URL and scope/);

  server.failNext({ status: 503, body: 'busy', headers: { 'retry-after': '0.05' } }, { status: 429, body: {}, headers: { 'retry-after': '0' } });
  const headers = await provider(model(server)).headers();
  assert.match(headers['Authorization']!, /^Bearer issued-token-4-/);
});

oauth2('expires_in as a string is understood; a 200 without a token is a ConfigurationError', async () => {
  server.failNext({ status: 200, body: { access_token: 'short-lived-token', expires_in: '10' } });
  let now = 0;
  const auth = provider(model(server), new Redactor(), { now: () => now });
  assert.is((await auth.headers())['Authorization'], 'Bearer short-lived-token');
  now = 8_900; // 10 s lifetime: refreshed 1 s early
  await auth.headers();
  assert.is(server.tokenRequests.length, 1);
  now = 9_100;
  await auth.headers();
  assert.is(server.tokenRequests.length, 2);

  server.failNext({ status: 200, body: '<html>login page</html>', headers: { 'content-type': 'text/html' } });
  assert.is((await failure(provider(model(server)).headers())).kind, 'ConfigurationError');
});

oauth2('an unreachable token endpoint is ConnectionFailed', async () => {
  const auth = provider(model(server));
  await server.close();
  const error = await failure(auth.headers());
  assert.is(error.kind, 'ConnectionFailed');
  assert.match(error.message, /ECONNREFUSED/);
  server = await startIdentityServer({ clientId: 'app one', clientSecret: secret });
});

oauth2('a CA nobody trusts: refused without the ca option, accepted with it', async () => {
  await server.close();
  const tls = await privateCertificate();
  server = await startIdentityServer({ clientId: 'app one', clientSecret: secret, tls });
  const untrusted = await failure(provider(model(server)).headers());
  assert.is(untrusted.kind, 'ConnectionFailed');
  assert.match(untrusted.message, /NODE_EXTRA_CA_CERTS or the ca option/);
  assert.match((await provider(model(server), new Redactor(), { ca: tls.cert }).headers())['Authorization']!, /^Bearer /);
});

oauth2('the loopback CA is trusted through NODE_EXTRA_CA_CERTS alone', async () => {
  assert.ok(process.env['NODE_EXTRA_CA_CERTS'], 'the test runner sets NODE_EXTRA_CA_CERTS');
  assert.ok(server.url.startsWith('https://'));
  assert.match((await provider(model(server)).headers())['Authorization']!, /^Bearer /);
});

oauth2.run();
