// A profile's request rules on one request: path rewrites (first match of a pattern replaced),
// methods, and query parameters left out. Rules apply in order, each to the result of the
// ones before it; the descriptions of those that changed something are returned.
import type { HttpRequestFields } from '../../generated/definition.js';
import type { RequestKind } from './generated-profile.js';
import type { ProfileModel, RequestRuleModel } from './profile-model.js';

function selects(rule: RequestRuleModel, kind: RequestKind, request: HttpRequestFields): boolean {
  if (rule.kinds && !rule.kinds.has(kind)) return false;
  if (rule.opTypes && (request.opType === undefined || !rule.opTypes.has(request.opType))) return false;
  if (rule.match && (request.relURI === undefined || !rule.match.test(request.relURI))) return false;
  return true;
}

/** Rewrites the request in place; returns why it changed (empty when it did not). */
export function rewriteRequest(profile: ProfileModel, kind: RequestKind, request: HttpRequestFields): string[] {
  const applied: string[] = [];
  for (const rule of profile.requests) {
    if (!selects(rule, kind, request)) continue;
    let changed = false;
    if (rule.match && rule.replacement !== undefined && request.relURI !== undefined) {
      const path = request.relURI.replace(rule.match, rule.replacement) || '/';
      changed = path !== request.relURI;
      request.relURI = path;
    }
    if (rule.opType !== undefined && request.opType !== rule.opType) {
      request.opType = rule.opType;
      changed = true;
    }
    if (changed && !applied.includes(rule.description)) applied.push(rule.description);
  }
  for (const { drop, description } of profile.query) {
    if (request.query?.[drop] === undefined) continue;
    delete request.query[drop];
    if (Object.keys(request.query).length === 0) delete request.query;
    if (!applied.includes(description)) applied.push(description);
  }
  return applied;
}

/** "PUT /x?a=b": how a request reads in the report. */
export function requestLine(request: HttpRequestFields): string {
  const query = Object.entries(request.query ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `${request.opType ?? '(default method)'} ${request.relURI ?? ''}${query ? `?${query}` : ''}`;
}
