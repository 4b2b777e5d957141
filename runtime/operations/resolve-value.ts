// resolveOnUnknown: adding a value failed with UnknownUid, so the value may be another
// kind of id (e.g. a role template id for a role not yet activated). Find the target
// object for it, or create it, then add again with the id found.
import type { ErrorContext } from '../errors.js';
import { buildRequest } from './build-request.js';
import { listRaw } from './read-objects.js';
import { sendOperation } from './send-operation.js';
import type { ConnectorSession } from './session.js';
import type { WriteStep } from './special-steps.js';
import type { StepStatus } from './run-steps.js';
import { textValue } from './connector-object.js';

export async function resolveUnknownValue(session: ConnectorSession, step: WriteStep, uid: string, context: ErrorContext): Promise<StepStatus | undefined> {
  const resolver = step.resolver;
  const value = step.values[0];
  if (!resolver || typeof value !== 'string') return undefined;
  const variables = { uid, value };
  let resolved: string | undefined;
  for await (const items of listRaw(session, resolver.find, variables, context, { limit: 1 })) {
    resolved = textValue(resolver.pick.first(items[0]));
    break;
  }
  if (resolved === undefined && resolver.create) {
    try {
      const outcome = await sendOperation(session, resolver.create, buildRequest(session.connection, resolver.create, variables, { errorContext: context }), context);
      if (outcome.kind === 'ok') resolved = textValue(resolver.pick.first(outcome.response.body));
    } catch {
      return undefined; // the value was not of the other kind either: the original error stands
    }
  }
  if (resolved === undefined || resolved === value) return undefined;
  const request = buildRequest(session.connection, step.op, { uid, value: resolved }, { errorContext: context });
  const outcome = await sendOperation(session, step.op, request, context);
  return outcome.kind === 'alreadyDone' ? 'alreadyDone' : 'done';
}
