import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { loopbackCertificate } from '../../../fixtures/tls/loopback-certificate.js';
import { isConnectorError } from '../../../runtime/errors.js';
import { networkFailure } from '../../../runtime/http/network-error.js';
import { createTransport } from '../../../runtime/http/transport.js';
import type { PreparedRequest } from '../../../runtime/http/types.js';
import { Redactor } from '../../../runtime/redaction.js';
import { privateCertificate } from '../auth/private-certificate.js';
import { testConnection } from './test-connection.js';

async function httpsServer(tls: { key: string; cert: string }): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(tls, (_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"secure":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const get = (url: string): PreparedRequest => ({ method: 'GET', url, headers: {}, label: 'probe', retrySafe: true });
const noAuth = { headers: async () => ({}), refreshable: false };

const tls = suite('transport TLS trust');

tls('the loopback CA is trusted through NODE_EXTRA_CA_CERTS', async () => {
  assert.ok(process.env['NODE_EXTRA_CA_CERTS'], 'the test runner sets NODE_EXTRA_CA_CERTS');
  const server = await httpsServer(await loopbackCertificate());
  const transport = createTransport({ connection: testConnection(), auth: noAuth, redactor: new Redactor() });
  assert.equal((await transport.send(get(server.url))).body, { secure: true });
  await transport.close();
  await server.close();
});

tls('an untrusted certificate fails at once with a hint; the ca option makes it trusted', async () => {
  const certificate = await privateCertificate();
  const server = await httpsServer(certificate);
  const plain = createTransport({ connection: testConnection(), auth: noAuth, redactor: new Redactor() });
  const error = await plain.send(get(server.url)).then(() => undefined, (e: unknown) => e);
  assert.ok(isConnectorError(error));
  assert.is(error.kind, 'ConnectionFailed');
  assert.match(error.message, /after 1 attempt .*Hint: the server's certificate is not trusted/);
  const trusting = createTransport({ connection: testConnection(), auth: noAuth, redactor: new Redactor(), ca: certificate.cert });
  assert.is((await trusting.send(get(server.url))).status, 200);
  await plain.close();
  await trusting.close();
  await server.close();
});

const failures = suite('network failures');

failures('timeouts, resets and refusals are transient; only a refusal is known not to have been sent', () => {
  const withCode = (code: string, name = 'RequestError'): Error => Object.assign(new Error(`failed ${code}`), { code, name });
  assert.equal(networkFailure(withCode('ETIMEDOUT', 'TimeoutError')), { code: 'ETIMEDOUT', timeout: true, notSent: false });
  assert.equal(networkFailure(withCode('ECONNRESET')), { code: 'ECONNRESET', timeout: false, notSent: false });
  assert.equal(networkFailure(withCode('ECONNREFUSED')), { code: 'ECONNREFUSED', timeout: false, notSent: true });
  assert.equal(networkFailure(new Error('socket hang up')), { code: 'ECONNRESET', timeout: false, notSent: false });
  const wrapped = Object.assign(new Error('read failed'), { code: 'ERR_GOT_REQUEST_ERROR', cause: Object.assign(new Error('x'), { code: 'EPIPE' }) });
  assert.equal(networkFailure(wrapped), { code: 'EPIPE', timeout: false, notSent: false });
  assert.is(networkFailure(withCode('DEPTH_ZERO_SELF_SIGNED_CERT')), undefined);
  assert.is(networkFailure('ECONNRESET'), undefined);
});

tls.run();
failures.run();
