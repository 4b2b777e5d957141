// Loads a policy file: JSON with comments, checked against policy.schema.json (every problem
// at once, as file:line:col: message) and against the definition, then compiled.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DefinitionModel } from '../definition/model.js';
import { documentLocator, documentValidator, DocumentProblemsError, readJsonDocument } from '../definition/json-document.js';
import type { JsonSource } from '../definition/json-source.js';
import { ProblemCollector, type Problem } from '../definition/problems.js';
import { compilePolicy } from './compile-policy.js';
import type { ProvisionPolicy } from './generated-policy.js';
import type { ProvisionPolicyModel } from './policy-model.js';

export class PolicyError extends DocumentProblemsError {
  constructor(problems: readonly Problem[]) {
    super('provisioning policy', problems);
    this.name = 'PolicyError';
  }
}

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

const validatePolicy = documentValidator(policySchemaPath);

export async function loadPolicy(definition: DefinitionModel, file: string): Promise<ProvisionPolicyModel> {
  const parsed = readJsonDocument(file, file, 'policy');
  if (!parsed.source) throw new PolicyError(parsed.problems);
  return checkPolicy(definition, parsed.source.value, file, parsed.source);
}

/** A policy given as a value (library use); positions are only known when `source` is given. */
export async function checkPolicy(definition: DefinitionModel, value: unknown, file = '<policy>', source?: JsonSource): Promise<ProvisionPolicyModel> {
  const problems = new ProblemCollector(documentLocator(source, file));
  if (!(await validatePolicy(value, problems, 'the policy'))) throw new PolicyError(problems.problems);
  const model = compilePolicy(definition, value as ProvisionPolicy, file, problems);
  if (!model || problems.count > 0) throw new PolicyError(problems.problems);
  return model;
}
