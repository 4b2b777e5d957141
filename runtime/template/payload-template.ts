// JSON payload templates (OIM customPayload). Built as JSON values, never by pasting text:
// a string leaf that is exactly one {{expression}} keeps the value's type and is left out
// when the value is absent; {"$forEach": "<list>", "$template": ...} maps a list.
import { childPointer } from '../definition/json-pointer.js';
import type { TemplateIssue } from './check-template.js';
import { compileTemplate, type CompiledTemplate } from './compile-template.js';
import { lookupPath, type TemplateContext } from './evaluate-expression.js';
import { extendScope, type TemplateScope } from './scope.js';

export type CompiledPayload =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'template'; readonly template: CompiledTemplate }
  | { readonly kind: 'object'; readonly entries: ReadonlyArray<readonly [string, CompiledPayload]> }
  | { readonly kind: 'array'; readonly items: readonly CompiledPayload[] }
  | { readonly kind: 'forEach'; readonly list: readonly string[]; readonly as: string; readonly body: CompiledPayload };

export interface PayloadIssue extends TemplateIssue {
  /** Pointer below the payload's own pointer. */
  pointer: string;
}

const directiveKeys = new Set(['$forEach', '$template', '$as']);

export function compilePayload(value: unknown, scope: TemplateScope, pointer = ''): { payload: CompiledPayload; issues: PayloadIssue[] } {
  const issues: PayloadIssue[] = [];
  const compile = (node: unknown, at: string, nodeScope: TemplateScope): CompiledPayload => {
    if (typeof node === 'string') {
      const result = compileTemplate(node, nodeScope);
      if (!result.template) {
        issues.push(...result.issues.map((i) => ({ ...i, pointer: at })));
        return { kind: 'literal', value: node };
      }
      return result.template.isConstant ? { kind: 'literal', value: node } : { kind: 'template', template: result.template };
    }
    if (Array.isArray(node)) return { kind: 'array', items: node.map((item, i) => compile(item, childPointer(at, i), nodeScope)) };
    if (node === null || typeof node !== 'object') return { kind: 'literal', value: node };
    const record = node as Record<string, unknown>;
    if ('$forEach' in record) return compileForEach(record, at, nodeScope);
    return { kind: 'object', entries: Object.entries(record).map(([key, child]) => [key, compile(child, childPointer(at, key), nodeScope)] as const) };
  };

  const compileForEach = (record: Record<string, unknown>, at: string, nodeScope: TemplateScope): CompiledPayload => {
    for (const key of Object.keys(record)) {
      if (!directiveKeys.has(key)) issues.push({ pointer: childPointer(at, key), message: `unknown key "${key}" in a $forEach directive (allowed: $forEach, $template, $as)`, line: 1, column: 0 });
    }
    const list = record.$forEach;
    const as = typeof record.$as === 'string' && /^[A-Za-z_]\w*$/.test(record.$as) ? record.$as : 'item';
    if (record.$as !== undefined && as !== record.$as) issues.push({ pointer: childPointer(at, '$as'), message: '$as must be a simple name', line: 1, column: 0 });
    if (typeof list !== 'string' || !/^[A-Za-z_][\w.]*$/.test(list)) {
      issues.push({ pointer: childPointer(at, '$forEach'), message: '$forEach must name a list variable, e.g. "values"', line: 1, column: 0 });
      return { kind: 'literal', value: [] };
    }
    const check = compileTemplate(`{{${list}}}`, nodeScope);
    if (!check.template) issues.push(...check.issues.map((i) => ({ ...i, pointer: childPointer(at, '$forEach') })));
    if (!('$template' in record)) issues.push({ pointer: at, message: '$forEach needs a $template', line: 1, column: 0 });
    const body = compile(record.$template, childPointer(at, '$template'), extendScope(nodeScope, { [as]: 'any' }));
    return { kind: 'forEach', list: list.split('.'), as, body };
  };

  const payload = compile(value, pointer, scope);
  return { payload, issues };
}

/** Renders a payload; `undefined` means "leave this out". */
export function renderPayload(payload: CompiledPayload, context: TemplateContext): unknown {
  switch (payload.kind) {
    case 'literal':
      return payload.value;
    case 'template':
      return payload.template.evaluate(context);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of payload.entries) {
        const value = renderPayload(child, context);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'array': {
      const out: unknown[] = [];
      for (const item of payload.items) {
        const value = renderPayload(item, context);
        if (value === undefined) continue;
        if (item.kind === 'forEach' && Array.isArray(value)) out.push(...value);
        else out.push(value);
      }
      return out;
    }
    case 'forEach': {
      const list = lookupPath(context, payload.list);
      const items = Array.isArray(list) ? list : list === undefined || list === null ? [] : [list];
      return items.map((item) => renderPayload(payload.body, { ...context, [payload.as]: item })).filter((v) => v !== undefined);
    }
  }
}
