import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createAuthProvider, type AuthProvider } from '../../../runtime/auth/index.js';
import { msalAuthority } from '../../../runtime/auth/msal-authority.js';
import { summarizeMsalMessage } from '../../../runtime/auth/msal-error.js';
import type { AuthModel } from '../../../runtime/definition/model.js';
import { isConnectorError, type ConnectorError } from '../../../runtime/errors.js';
import { Redactor } from '../../../runtime/redaction.js';
import { template } from '../http/test-connection.js';
import { startIdentityServer, type FakeIdentityServer } from './fake-identity-server.js';
import { privateCertificate } from './private-certificate.js';

const connection = { baseURL: 'https://api.example/v1.0', origin: 'https://api.example' };
const secret = 'msal~S3cret.value_0123';
const model: AuthModel = {
  type: 'msalClientCredentials',
  authorityHost: template('{{config.authorityHost}}'),
  tenantId: template('{{config.tenantId}}'),
  clientId: template('{{config.clientId}}'),
  clientSecret: template('{{config.clientSecret}}'),
  scopes: [template('{{connection.origin}}/.default')],
};

let server: FakeIdentityServer;
const providers: AuthProvider[] = [];
function provider(options: { clientSecret?: string; redactor?: Redactor; ca?: string } = {}): AuthProvider {
  const settings = { authorityHost: server.url, tenantId: 'contoso-tenant', clientId: 'app-0001', clientSecret: options.clientSecret ?? secret };
  const created = createAuthProvider(model, settings, connection, options.redactor ?? new Redactor(), { ca: options.ca });
  providers.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

const msal = suite('msal client credentials');
msal.before.each(async () => {
  server = await startIdentityServer({ clientId: 'app-0001', clientSecret: secret });
});
msal.after.each(async () => {
  for (const p of providers.splice(0)) await p.close?.();
  await server.close();
});

msal('the real msal-node accepts a loopback authority as a known authority and gets a token', async () => {
  const redactor = new Redactor();
  const headers = await provider({ redactor }).headers();
  assert.match(headers['Authorization']!, /^Bearer issued-token-1-/);
  const [request] = server.tokenRequests;
  assert.is(request!.path, '/contoso-tenant/oauth2/v2.0/token');
  assert.is(request!.form.get('grant_type'), 'client_credentials');
  assert.is(request!.form.get('scope'), 'https://api.example/.default');
  assert.is(redactor.redactText(headers['Authorization']!), 'Bearer <redacted>');
});

msal('many headers() calls, concurrent or not, make one token request', async () => {
  const auth = provider();
  const concurrent = await Promise.all(Array.from({ length: 10 }, () => auth.headers()));
  for (let i = 0; i < 10; i++) await auth.headers();
  assert.is(server.tokenRequests.length, 1);
  assert.is(new Set(concurrent.map((h) => h['Authorization'])).size, 1);
  assert.is(server.discoveryRequests, 1);
});

msal('a forced refresh skips the cache once', async () => {
  const auth = provider();
  const first = await auth.headers();
  const [a, b] = await Promise.all([auth.headers(true), auth.headers(true)]);
  assert.is(server.tokenRequests.length, 2);
  assert.is.not(a!['Authorization'], first['Authorization']);
  assert.is(a!['Authorization'], b!['Authorization']);
  assert.is((await auth.headers())['Authorization'], a!['Authorization']);
  assert.is(server.tokenRequests.length, 2);
});

msal('a wrong secret is InvalidCredentials with the AADSTS code, and never the secret', async () => {
  const error = await failure(provider({ clientSecret: 'not-the-secret-42' }).headers());
  assert.is(error.kind, 'InvalidCredentials');
  assert.is(error.context.targetCode, 'AADSTS7000215');
  assert.match(error.message, /^InvalidCredentials: authenticate failed AADSTS7000215: token request to https:\/\/127\.0\.0\.1:\d+\/contoso-tenant: Invalid client secret provided\. Hint: /);
  assert.not.ok(JSON.stringify(error.toJSON()).includes('not-the-secret-42'));
  assert.not.ok(JSON.stringify(error.toJSON()).includes('Trace ID'));
});

msal('an unreachable authority is ConnectionFailed', async () => {
  const auth = provider();
  await server.close();
  const error = await failure(auth.headers());
  assert.is(error.kind, 'ConnectionFailed');
  assert.match(error.message, /ConnectionFailed: authenticate failed endpoints_resolution_error: token request to https:\/\/127\.0\.0\.1:\d+\/contoso-tenant: GET https:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED/);
  server = await startIdentityServer({ clientId: 'app-0001', clientSecret: secret });
});

msal('an authority behind a CA nobody trusts works with the ca option', async () => {
  await server.close();
  const tls = await privateCertificate();
  server = await startIdentityServer({ clientId: 'app-0001', clientSecret: secret, tls });
  const untrusted = await failure(provider().headers());
  assert.is(untrusted.kind, 'ConnectionFailed');
  assert.match(untrusted.message, /self-signed certificate\. Hint: the server's certificate is not trusted/);
  assert.match((await provider({ ca: tls.cert }).headers())['Authorization']!, /^Bearer /);
});

const authority = suite('msal authority');

authority("Microsoft's own hosts are left to MSAL; any other host becomes a known authority", () => {
  assert.equal(msalAuthority('https://login.microsoftonline.com', 'tenant-1'), { authority: 'https://login.microsoftonline.com/tenant-1', knownAuthorities: [] });
  assert.equal(msalAuthority('https://login.microsoftonline.us/', 'gov'), { authority: 'https://login.microsoftonline.us/gov', knownAuthorities: [] });
  assert.equal(msalAuthority('https://127.0.0.1:8443', 't'), { authority: 'https://127.0.0.1:8443/t', knownAuthorities: ['127.0.0.1:8443'] });
  assert.equal(msalAuthority('https://login.example.org', 't').knownAuthorities, ['login.example.org']);
});

authority('a plain-HTTP or malformed authority host is a ConfigurationError', () => {
  for (const host of ['http://127.0.0.1:8080', 'login.microsoftonline.com']) {
    try {
      msalAuthority(host, 't');
      assert.unreachable(host);
    } catch (error) {
      assert.ok(isConnectorError(error) && error.kind === 'ConfigurationError', host);
    }
  }
});

authority('MSAL messages shrink to the AADSTS code and the first sentence', () => {
  assert.equal(summarizeMsalMessage("AADSTS90002: Tenant 'x' not found. Check to make sure you have the correct tenant ID.\r\nTrace ID: 1\r\nCorrelation ID: 2"), {
    code: 'AADSTS90002',
    summary: "Tenant 'x' not found.",
  });
  assert.equal(summarizeMsalMessage('network_error: Network request failed'), { summary: 'network_error: Network request failed' });
});

msal.run();
authority.run();
