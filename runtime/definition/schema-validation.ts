// Validates a merged definition against schemas/ with ajv (strict, all errors).
import type { ErrorObject } from 'ajv';
import type { ProblemCollector } from './problems.js';
import { reportSchemaErrors } from './schema-error-messages.js';
import { schemaFiles } from './schema-files.js';

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

let validator: Validate | undefined;

/** The build ships precompiled validation code; running from sources compiles the schemas. */
async function loadValidator(): Promise<Validate> {
  if (validator) return validator;
  try {
    const precompiled = (await import(new URL('../generated/definition-validator.js', import.meta.url).href)) as { validateDefinition: Validate };
    validator = precompiled.validateDefinition;
  } catch {
    const module = await import('ajv/dist/2020.js');
    const Ajv2020 = module.default.default;
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, verbose: true, discriminator: true, allowUnionTypes: true });
    for (const schema of schemaFiles().values()) ajv.addSchema(schema);
    validator = ajv.getSchema('definition.schema.json') as Validate;
  }
  return validator;
}

export async function validateAgainstSchema(document: unknown, problems: ProblemCollector): Promise<void> {
  const validate = await loadValidator();
  if (validate(document)) return;
  reportSchemaErrors(validate.errors ?? [], problems, 'the definition');
}
