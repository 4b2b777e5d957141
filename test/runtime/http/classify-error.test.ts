import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileJsonLocation } from '../../../runtime/definition/json-location.js';
import type { ErrorClassificationModel } from '../../../runtime/definition/model.js';
import { classifyResponse, defaultKind, readTargetError } from '../../../runtime/http/classify-error.js';
import { Redactor } from '../../../runtime/redaction.js';

const redactor = new Redactor();

const graphLike: ErrorClassificationModel = {
  code: compileJsonLocation('$.error.code'),
  message: compileJsonLocation('$.error.message'),
  detailCodes: compileJsonLocation('$.error.details[*].code'),
  rules: [
    { statuses: new Set([400]), detailCode: 'ObjectConflict', kind: 'AlreadyExists' },
    { statuses: new Set([400]), messageContains: 'usagelocation', kind: 'InvalidAttributeValue', field: 'usageLocation', hint: 'set usageLocation before assigning a license' },
    { code: 'Request_ResourceNotFound', kind: 'UnknownUid' },
  ],
};

const scimLike: ErrorClassificationModel = {
  code: compileJsonLocation('scimType'),
  message: compileJsonLocation('detail'),
  rules: [
    { statuses: new Set([400, 409]), code: 'uniqueness', kind: 'AlreadyExists' },
    { statuses: new Set([400]), code: 'mutability', kind: 'InvalidAttributeValue', hint: 'the attribute is read-only on the target' },
  ],
};

const graph = suite('classification of Graph-like errors');

graph('a detail code rule wins over the status default', () => {
  const body = { error: { code: 'Request_BadRequest', message: 'Another object with the same value for property userPrincipalName already exists.', details: [{ code: 'ObjectConflict', target: 'userPrincipalName' }] } };
  const error = classifyResponse({ status: 400, body }, graphLike, { operation: 'create', objectClass: 'user', name: 'jane@example.com' }, redactor);
  assert.is(error.kind, 'AlreadyExists');
  assert.is(
    error.message,
    'AlreadyExists: create failed for user jane@example.com with HTTP 400 Request_BadRequest: Another object with the same value for property userPrincipalName already exists',
  );
  assert.is(error.context.targetCode, 'Request_BadRequest');
});

graph('messageContains matches case-insensitively and adds the field and hint', () => {
  const body = { error: { code: 'Request_BadRequest', message: "Invalid value specified for property 'UsageLocation' of resource 'User'." } };
  const error = classifyResponse({ status: 400, body }, graphLike, { operation: 'user.licenses.add', objectClass: 'user', uid: 'u-1' }, redactor);
  assert.is(error.kind, 'InvalidAttributeValue');
  assert.is(error.context.field, 'usageLocation');
  assert.match(error.message, /^InvalidAttributeValue: user\.licenses\.add failed for user u-1 \(field usageLocation\) with HTTP 400 Request_BadRequest: Invalid value .*\. Hint: set usageLocation before assigning a license$/);
});

graph('without a matching rule the status decides', () => {
  const forbidden = { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } };
  const error = classifyResponse({ status: 403, body: forbidden }, graphLike, { operation: 'delete', objectClass: 'group', uid: 'g-9' }, redactor);
  assert.is(error.kind, 'PermissionDenied');
  assert.match(error.message, /Authorization_RequestDenied: Insufficient privileges.*Hint: grant/);
  assert.is(classifyResponse({ status: 404, body: { error: { code: 'Request_ResourceNotFound', message: 'gone' } } }, graphLike, {}, redactor).kind, 'UnknownUid');
});

const scim = suite('classification of SCIM-like errors');

scim('scimType is the target code', () => {
  const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', scimType: 'uniqueness', detail: 'userName jdoe is already in use' };
  const error = classifyResponse({ status: 409, body }, scimLike, { operation: 'create', objectClass: 'User', name: 'jdoe' }, redactor);
  assert.is(error.kind, 'AlreadyExists');
  assert.is(error.message, 'AlreadyExists: create failed for User jdoe with HTTP 409 uniqueness: userName jdoe is already in use');
  const mutability = classifyResponse({ status: 400, body: { scimType: 'mutability', detail: 'id is readOnly' } }, scimLike, {}, redactor);
  assert.is(mutability.context.hint, 'the attribute is read-only on the target');
});

scim('a 404 without scimType is UnknownUid; 412 OperationFailed', () => {
  assert.is(classifyResponse({ status: 404, body: { detail: 'Resource 42 not found' } }, scimLike, {}, redactor).kind, 'UnknownUid');
  assert.is(classifyResponse({ status: 412, body: { detail: 'version mismatch' } }, scimLike, {}, redactor).kind, 'OperationFailed');
});

const custom = suite('classification of custom errors');

const directoryApi: ErrorClassificationModel = {
  detailCodes: compileJsonLocation('$.errors[*].code'),
  message: compileJsonLocation('$.errors[0].detail'),
  rules: [
    { statuses: new Set([422]), detailCode: 'VALIDATION_FAILED', kind: 'InvalidAttributeValue' },
    { statuses: new Set([422]), kind: 'ConfigurationError' },
    { detailCode: 'LOGIN_TAKEN', kind: 'AlreadyExists', field: 'login' },
  ],
};

custom('rules are tried in order; a status-only rule catches the rest of that status', () => {
  const validation = { errors: [{ code: 'VALIDATION_FAILED', detail: 'email is not an email' }, { code: 'LOGIN_TAKEN' }] };
  assert.is(classifyResponse({ status: 422, body: validation }, directoryApi, {}, redactor).kind, 'InvalidAttributeValue');
  assert.is(classifyResponse({ status: 422, body: { errors: [] } }, directoryApi, {}, redactor).kind, 'ConfigurationError');
  const taken = classifyResponse({ status: 409, body: { errors: [{ code: 'LOGIN_TAKEN', detail: "login 'jane' is in use" }] } }, directoryApi, { operation: 'create' }, redactor);
  assert.is(taken.kind, 'AlreadyExists');
  assert.is(taken.message, "AlreadyExists: create failed (field login) with HTTP 409: login 'jane' is in use");
});

custom('a non-JSON body becomes the message; an empty one says the status', () => {
  const html = classifyResponse({ status: 502, body: '<html>\n  Bad   gateway\n</html>' }, { rules: [] }, { operation: 'search' }, redactor);
  assert.is(html.kind, 'ServiceUnavailable');
  assert.is(html.message, 'ServiceUnavailable: search failed with HTTP 502: <html> Bad gateway </html>');
  const empty = classifyResponse({ status: 418, body: undefined }, { rules: [] }, {}, redactor);
  assert.is(empty.kind, 'OperationFailed');
  assert.is(empty.message, 'OperationFailed: failed with HTTP 418: the target answered HTTP 418');
});

custom('the target message is redacted and shortened', () => {
  const secretive = new Redactor();
  secretive.addSecret('Sup3rS3cret!');
  const error = classifyResponse({ status: 400, body: { message: `password Sup3rS3cret! is too weak ${'x'.repeat(1000)}` } }, { rules: [] }, {}, secretive);
  assert.not.ok(error.message.includes('Sup3rS3cret!'));
  assert.ok(error.context.targetMessage!.length <= 500);
  assert.match(error.message, /password <redacted> is too weak/);
});

custom('status defaults and target facts', () => {
  assert.equal([400, 401, 403, 404, 409, 412, 429, 500, 503, 599, 418, 422].map(defaultKind), [
    'InvalidAttributeValue', 'InvalidCredentials', 'PermissionDenied', 'UnknownUid', 'AlreadyExists', 'OperationFailed',
    'Throttled', 'ServiceUnavailable', 'ServiceUnavailable', 'ServiceUnavailable', 'OperationFailed', 'InvalidAttributeValue',
  ]);
  assert.equal(readTargetError({ error: { code: 7, message: 'm', details: [{ code: 'A' }, { code: 'B' }, {}] } }, graphLike), { code: '7', message: 'm', detailCodes: ['A', 'B'] });
  assert.equal(readTargetError({ error_description: 'bad client' }, { rules: [] }), { message: 'bad client', detailCodes: [] });
});

graph.run();
scim.run();
custom.run();
