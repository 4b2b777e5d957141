// Value sources of a policy (claim, constant or template, with a `when`, exclusions and
// transforms) compiled once at load into functions of an identity.
import { pointerToDotted } from '../definition/json-pointer.js';
import { compileTemplate } from '../template/compile-template.js';
import type { ProblemCollector } from '../definition/problems.js';
import type { CreateValueSource, ValueSource } from './generated-policy.js';
import { flattenValues, wildcardMatcher } from './claims.js';
import { compileCondition } from './condition.js';
import type { CompiledSource, RoleScope, SourceContext } from './policy-model.js';

export interface CompileEnvironment {
  readonly problems: ProblemCollector;
  readonly roles?: RoleScope;
}

type Transform = NonNullable<ValueSource['transform']>[number];

const transforms: Record<Transform, (value: unknown) => unknown> = {
  lower: (value) => (typeof value === 'string' ? value.toLowerCase() : value),
  upper: (value) => (typeof value === 'string' ? value.toUpperCase() : value),
  trim: (value) => (typeof value === 'string' ? value.trim() : value),
  localPart: (value) => (typeof value === 'string' ? (value.split('@')[0] ?? '') : value),
  domainPart: (value) => (typeof value === 'string' && value.includes('@') ? value.slice(value.lastIndexOf('@') + 1) : value),
  toBoolean: (value) => (typeof value === 'string' ? ['true', '1', 'yes', 'y', 'on'].includes(value.trim().toLowerCase()) : value),
  toNumber: (value) => (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value),
};

const templateScope = { variables: { claims: 'any', config: 'any', name: 'scalar' }, description: 'a policy template' } as const;

export function compileSource(raw: ValueSource | CreateValueSource, pointer: string, env: CompileEnvironment): CompiledSource {
  const given = (['claim', 'value', 'template'] as const).filter((key) => raw[key] !== undefined);
  if (given.length !== 1) {
    env.problems.add(pointer, given.length === 0 ? `${pointerToDotted(pointer)} needs one of "claim", "value" or "template"` : `${pointerToDotted(pointer)} has both "${given[0]}" and "${given[1]}"; give one source`);
  }
  const read = sourceReader(raw, pointer, env);
  const when = raw.when ? compileCondition(raw.when, `${pointer}/when`, env) : undefined;
  const excluded = raw.exclude ? wildcardMatcher(raw.exclude.flatMap((item) => (item === '$provisioningRoles' ? [...(env.roles?.provisioningRoles ?? [])] : [item]))) : undefined;
  const steps = (raw.transform ?? []).map((name) => transforms[name]);
  const fallback = raw.default;
  return {
    pointer,
    ...(raw.pick !== undefined && { pick: raw.pick }),
    ...(raw.separator !== undefined && { separator: raw.separator }),
    ...('clearWhenMissing' in raw && raw.clearWhenMissing === true && { clearWhenMissing: true }),
    values(context: SourceContext): unknown[] {
      if (when && !when(context.claims)) return [];
      let values = read(context);
      if (excluded) values = values.filter((value) => typeof value !== 'string' || !excluded(value));
      values = values.map((value) => steps.reduce((current, step) => step(current), value));
      if (values.length === 0 && fallback !== undefined) return Array.isArray(fallback) ? [...fallback] : [fallback];
      return values;
    },
  };
}

function sourceReader(raw: ValueSource | CreateValueSource, pointer: string, env: CompileEnvironment): (context: SourceContext) => unknown[] {
  if (raw.claim !== undefined) {
    const claim = raw.claim;
    return (context) => flattenValues(context.claims[claim], raw.separator);
  }
  if (raw.template !== undefined) {
    const compiled = compileTemplate(raw.template, templateScope);
    if (!compiled.template) {
      for (const issue of compiled.issues) env.problems.add(`${pointer}/template`, `${pointerToDotted(pointer)}.template: ${issue.message}`);
      return () => [];
    }
    const template = compiled.template;
    return (context) => {
      const text = template.render({ claims: context.claims, config: context.config, name: context.name });
      return flattenValues(text, raw.separator);
    };
  }
  if (raw.value !== undefined) {
    const value = raw.value;
    return () => (Array.isArray(value) ? [...(value as unknown[])] : [value]);
  }
  return () => [];
}

/** One value for a single-valued target (first, or all joined), or the list for a multi-valued one. */
export function pickValue(source: CompiledSource, values: unknown[], multiValued: boolean): unknown {
  if (values.length === 0) return undefined;
  const pick = source.pick ?? (multiValued ? 'all' : 'first');
  if (pick === 'all') return multiValued ? values : values.length === 1 ? values[0] : values;
  if (pick === 'join') return values.map(String).join(source.separator ?? ',');
  return multiValued ? [values[0]] : values[0];
}
