import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createAuthProvider } from '../../../runtime/auth/index.js';
import { isConnectorError } from '../../../runtime/errors.js';
import { Redactor } from '../../../runtime/redaction.js';
import { template } from '../http/test-connection.js';

const connection = { baseURL: 'https://api.example/v2', origin: 'https://api.example' };
const settings = { username: 'svc-connector', password: 'Pa55word!x', token: 'static-token-0001', empty: '' };

const staticAuth = suite('none, basic and bearer auth');

staticAuth('none adds no header', async () => {
  const provider = createAuthProvider({ type: 'none' }, settings, connection, new Redactor());
  assert.equal(await provider.headers(), {});
  assert.is(provider.refreshable, false);
});

staticAuth('basic sends the rendered pair and registers both the password and its encoding', async () => {
  const redactor = new Redactor();
  const provider = createAuthProvider({ type: 'basic', username: template('{{config.username}}'), password: template('{{config.password}}') }, settings, connection, redactor);
  const encoded = Buffer.from('svc-connector:Pa55word!x').toString('base64');
  assert.equal(await provider.headers(), { Authorization: `Basic ${encoded}` });
  assert.is(await provider.headers(true).then((h) => h['Authorization']), `Basic ${encoded}`);
  assert.is(provider.refreshable, false);
  assert.is(redactor.redactText(`p=Pa55word!x h=Basic ${encoded}`), 'p=<redacted> h=Basic <redacted>');
});

staticAuth('bearer sends the static token, registered as a secret', async () => {
  const redactor = new Redactor();
  const provider = createAuthProvider({ type: 'bearer', token: template('{{config.token}}') }, settings, connection, redactor);
  assert.equal(await provider.headers(), { Authorization: 'Bearer static-token-0001' });
  assert.is(redactor.redactText('static-token-0001'), '<redacted>');
});

staticAuth('an empty secret is a ConfigurationError naming the template, not the value', () => {
  try {
    createAuthProvider({ type: 'basic', username: template('{{config.username}}'), password: template('{{config.empty}}') }, settings, connection, new Redactor());
    assert.unreachable('no error');
  } catch (error) {
    assert.ok(isConnectorError(error));
    assert.is(error.kind, 'ConfigurationError');
    assert.is(error.message, 'ConfigurationError: authenticate failed (field auth.password): auth.password is empty (from "{{config.empty}}"). Hint: set the settings it names');
  }
});

staticAuth.run();
