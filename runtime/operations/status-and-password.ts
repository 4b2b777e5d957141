// Enable/disable and set-password: a dedicated endpoint when the definition has one,
// otherwise an update of the status or password attribute (OIM statusAttribute /
// passwordAttribute).
import { connectorError } from '../errors.js';
import type { ObjectClassModel } from '../definition/model.js';
import type { PreparedRequest } from '../http/types.js';
import { buildRequest } from './build-request.js';
import type { ConnectorInput } from './connector-input.js';
import type { ResolvedConnection } from './resolved-connection.js';
import { attributesContext, standardPayload } from './standard-payload.js';

export function statusChange(connection: ResolvedConnection, cls: ObjectClassModel, uid: string, enable: boolean): PreparedRequest {
  const dedicated = enable ? cls.operations.enable : cls.operations.disable;
  if (dedicated) return buildRequest(connection, dedicated, { uid });
  const status = cls.statusAttribute;
  const update = cls.operations.update;
  if (!status || !update) {
    throw connectorError('ConfigurationError', `class ${cls.name} cannot be ${enable ? 'enabled' : 'disabled'}: it has no ${enable ? 'enable' : 'disable'} operation and no status attribute with an update operation`, { objectClass: cls.name, uid });
  }
  const attributes = new Map<string, unknown>([[status.name, enable ? cls.statusValues.enabled : cls.statusValues.disabled]]);
  const changes = [{ name: status.name, path: status.targetName, value: attributes.get(status.name) }];
  return buildRequest(connection, update, { uid, attrs: attributesContext(attributes), changes }, { body: standardPayload(cls, attributes) });
}

export function passwordChange(connection: ResolvedConnection, cls: ObjectClassModel, uid: string, input: ConnectorInput): PreparedRequest {
  const passwordAttribute = cls.passwordAttribute;
  const password = passwordAttribute ? input.attributes.get(passwordAttribute.name) : undefined;
  if (typeof password !== 'string' || password === '') {
    throw connectorError('InvalidAttributeValue', 'set-password needs the new password as __PASSWORD__ in --attrs', { objectClass: cls.name, uid, field: '__PASSWORD__' });
  }
  const dedicated = cls.operations.setPassword;
  if (dedicated) return buildRequest(connection, dedicated, { uid, password });
  const update = cls.operations.update;
  if (!update || !passwordAttribute) {
    throw connectorError('ConfigurationError', `class ${cls.name} cannot set passwords: no setPassword operation and no password attribute with an update operation`, { objectClass: cls.name, uid });
  }
  // Other attributes given with the password (e.g. forceChangePasswordNextSignIn) travel with it.
  const changes = [...input.attributes].map(([name, value]) => ({ name, path: cls.attributes.get(name)!.targetName, value }));
  return buildRequest(connection, update, { uid, attrs: attributesContext(input.attributes), changes }, { body: standardPayload(cls, input.attributes) });
}
