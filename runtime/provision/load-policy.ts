// Loads a policy file: JSON with comments, checked against policy.schema.json (every problem
// at once, as file:line:col: message) and against the definition, then compiled.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { ConnectorError } from '../errors.js';
import type { DefinitionModel } from '../definition/model.js';
import { didYouMean } from '../definition/did-you-mean.js';
import { parseJsonSource, type JsonSource } from '../definition/json-source.js';
import { childPointer, pointerToDotted } from '../definition/json-pointer.js';
import { formatProblem, ProblemCollector, sortProblems, type Problem, type SourceLocation } from '../definition/problems.js';
import { compilePolicy } from './compile-policy.js';
import type { ProvisionPolicy } from './generated-policy.js';
import type { ProvisionPolicyModel } from './policy-model.js';

export class PolicyError extends ConnectorError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    super('ConfigurationError', `the provisioning policy has ${sorted.length} problem${sorted.length === 1 ? '' : 's'}:\n${sorted.map(formatProblem).join('\n')}`, { operation: 'load policy' });
    this.name = 'PolicyError';
    this.problems = sorted;
  }
}

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
let validator: { validate: Validate; schema: Record<string, unknown> } | undefined;

/** The schema sits next to the sources; from dist/ it is found by walking up to the project. */
export function policySchemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [join(dir, 'policy.schema.json'), join(dir, 'runtime', 'provision', 'policy.schema.json')]) if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find runtime/provision/policy.schema.json');
    dir = parent;
  }
}

async function loadValidator(): Promise<NonNullable<typeof validator>> {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(policySchemaPath(), 'utf8')) as Record<string, unknown>;
  const module = await import('ajv/dist/2020.js');
  const Ajv2020 = module.default.default;
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, verbose: true, allowUnionTypes: true });
  validator = { validate: ajv.compile(schema) as Validate, schema };
  return validator;
}

export async function loadPolicy(definition: DefinitionModel, file: string): Promise<ProvisionPolicyModel> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PolicyError([{ file, line: 1, column: 1, message: `cannot read the policy: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}` }]);
  }
  const parsed = parseJsonSource(file, text);
  if (!parsed.source) throw new PolicyError(parsed.problems);
  return checkPolicy(definition, parsed.source.value, file, parsed.source);
}

/** A policy given as a value (library use); positions are only known when `source` is given. */
export async function checkPolicy(definition: DefinitionModel, value: unknown, file = '<policy>', source?: JsonSource): Promise<ProvisionPolicyModel> {
  const problems = new ProblemCollector((pointer, onKey) => locate(source, file, pointer, onKey));
  const { validate, schema } = await loadValidator();
  if (!validate(value)) {
    for (const error of validate.errors ?? []) reportSchemaError(error, problems, schema);
    throw new PolicyError(problems.problems);
  }
  const model = compilePolicy(definition, value as ProvisionPolicy, file, problems);
  if (!model || problems.count > 0) throw new PolicyError(problems.problems);
  return model;
}

function locate(source: JsonSource | undefined, file: string, pointer: string, onKey = false): SourceLocation {
  let at = pointer;
  for (;;) {
    const place = source?.places.get(at);
    if (place) return (onKey ? place.key : undefined) ?? place.value;
    if (at === '') return { file, line: 1, column: 1 };
    at = at.slice(0, at.lastIndexOf('/'));
  }
}

function reportSchemaError(error: ErrorObject, problems: ProblemCollector, schema: Record<string, unknown>): void {
  const path = error.instancePath;
  const where = path === '' ? 'the policy' : pointerToDotted(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(((error.parentSchema ?? {}) as { properties?: object }).properties ?? (schema.properties as object));
      problems.add(childPointer(path, key), `unknown key "${key}" in ${where}${didYouMean(key, allowed)}`, true);
      return;
    }
    case 'required':
      problems.add(path, `${where} is missing the required key "${String(params.missingProperty)}"`);
      return;
    case 'enum':
      problems.add(path, `${where}: ${JSON.stringify(error.data ?? null)} is not one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`);
      return;
    default:
      problems.add(path, `${where} ${error.message ?? 'is invalid'}`);
  }
}
