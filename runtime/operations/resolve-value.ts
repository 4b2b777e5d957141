// resolveOnUnknown: adding a value failed with UnknownUid, so the value may be another
// kind of id (e.g. a role template id for a role not yet activated). Find the target
// object for it, or create it, and return the add request with the id found; the caller
// sends it (with the eventual-consistency retry, as the object itself may be new).
import type { ErrorContext } from '../errors.js';
import type { PreparedRequest } from '../http/types.js';
import { buildRequest } from './build-request.js';
import { listRaw } from './read-objects.js';
import { sendOperation } from './send-operation.js';
import type { ConnectorSession } from './session.js';
import type { WriteStep } from './special-steps.js';
import { textValue } from './connector-object.js';

export async function resolveUnknownValue(session: ConnectorSession, step: WriteStep, uid: string, context: ErrorContext): Promise<PreparedRequest | undefined> {
  const resolver = step.resolver;
  const value = step.values[0];
  if (!resolver || typeof value !== 'string') return undefined;
  const variables = { uid, value };
  const find = async (): Promise<string | undefined> => {
    for await (const items of listRaw(session, resolver.find, variables, context, { limit: 1 })) return textValue(resolver.pick.first(items[0]));
    return undefined;
  };
  let resolved = await find();
  if (resolved === undefined && resolver.create) {
    try {
      const outcome = await sendOperation(session, resolver.create, buildRequest(session.connection, resolver.create, variables, { errorContext: context }), context);
      if (outcome.kind === 'ok') resolved = textValue(resolver.pick.first(outcome.response.body));
    } catch {
      // Not of the other kind either (the original error stands), or created meanwhile by a
      // concurrent step: look once more.
      resolved = await find();
    }
  }
  if (resolved === undefined || resolved === value) return undefined;
  return buildRequest(session.connection, step.op, { uid, value: resolved }, { errorContext: context });
}
