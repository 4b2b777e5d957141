// One write request of a special attribute (add, remove, set or clear): relURI, method,
// payload and SINGLE/BATCH handling from the OIM entries of the given operation keys.
import type { HttpMethod, PayloadTemplate, SpecialWrite } from '../generated/definition.js';
import type { ImportContext } from './import-context.js';
import { firstItem, handlingOf, opTypeOf } from './oim-lookup.js';
import type { SpecialPlan } from './plan-special-attributes.js';
import { describeItem, type OimItem } from './split-decode-list.js';
import type { TargetFormat } from './target-format.js';
import { translatePayload } from './translate-payload.js';
import { translateRelUri } from './translate-reluri.js';

export interface WriteContext {
  plan: SpecialPlan;
  format: TargetFormat;
  /** Payload placeholders that mean the value, besides the attribute's own name. */
  valueNames: readonly string[];
}

const runtimeDefaults: Record<string, HttpMethod> = { add: 'POST', remove: 'DELETE', set: 'PUT', clear: 'DELETE' };

export function buildSpecialWrite(
  context: ImportContext,
  write: WriteContext,
  uri: OimItem,
  opKeys: readonly string[],
  target: string,
  multiValued: boolean,
  method?: HttpMethod,
): SpecialWrite | undefined {
  const translated = translateRelUri(context, uri, { target, uid: true, specialKey: write.plan.key });
  if (!translated) return undefined;
  const action = target.slice(target.lastIndexOf('.') + 1);
  const opType = method ?? opKeys.map((key) => opTypeOf(context, key, target)).find((m) => m !== undefined);
  if (!opType) context.report.add('derived', `no opType for ${opKeys.join(' / ')}: ${action} uses ${runtimeDefaults[action] ?? 'POST'}`, { entry: describeItem(uri), origin: uri.origin, target });
  const effective = opType ?? runtimeDefaults[action] ?? 'POST';
  let customPayload = payloadFor(context, write, opKeys, target);
  if (customPayload !== undefined && (effective === 'DELETE' || effective === 'GET')) {
    context.report.add('untranslated', `a ${effective} request cannot have a body; the customPayload of ${action} is left out`, { target });
    customPayload = undefined;
  }
  if (customPayload === undefined && write.format.url && effective !== 'DELETE' && effective !== 'GET') {
    customPayload = { url: '{{value}}' };
    context.report.add('derived', `no customPayload for ${opKeys[0]}: the target format "url" gives the payload {"url": "{{value}}"}`, { entry: describeItem(uri), origin: uri.origin, target });
  }
  const request: SpecialWrite = {
    ...(opType && { opType }),
    relURI: translated.relURI,
    ...(Object.keys(translated.query).length > 0 && { query: translated.query }),
    ...(customPayload !== undefined && { customPayload }),
  };
  if (!multiValued) return request;
  const handling = handlingOf(context, opKeys, target);
  if (!handling) {
    context.report.add('derived', `${opKeys.join(' / ')} is not in specialAttributeHandling (OIM would send all values in one request): imported as SINGLE, one request per value`, { target });
  }
  if (handling === 'BATCH' && JSON.stringify(request).includes('{{value}}')) {
    context.report.add('untranslated', 'BATCH handling with a request that names one value; imported as SINGLE', { target });
  } else if (handling === 'BATCH') {
    request.specialAttributeHandling = 'BATCH';
  }
  if (handling !== 'BATCH') request.specialAttributeHandling = 'SINGLE';
  return request;
}

function payloadFor(context: ImportContext, write: WriteContext, opKeys: readonly string[], target: string): PayloadTemplate | undefined {
  const found = firstItem(context, 'customPayload', opKeys);
  if (!found) return undefined;
  return translatePayload(context, found.item, { target: `${target}.customPayload`, uid: true, specialKey: write.plan.key, valueNames: write.valueNames });
}
