// Loading JSON documents other than definitions (provisioning policies, translation
// profiles): read with positions, checked against their own JSON Schema, every problem at
// once as file:line:col: message.
import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { ConnectorError } from '../errors.js';
import { parseJsonSource, type JsonSource } from './json-source.js';
import { formatProblem, ProblemCollector, sortProblems, type Problem, type SourceLocation } from './problems.js';
import { reportSchemaErrors } from './schema-error-messages.js';
import { schemaFiles } from './schema-files.js';

/** A document with problems: a ConfigurationError carrying every problem. */
export class DocumentProblemsError extends ConnectorError {
  readonly problems: readonly Problem[];

  constructor(what: string, problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    super('ConfigurationError', `the ${what} has ${sorted.length} problem${sorted.length === 1 ? '' : 's'}:\n${sorted.map(formatProblem).join('\n')}`, { operation: `load ${what}` });
    this.problems = sorted;
  }
}

/** Reads and parses a document; unreadable or invalid JSON becomes problems. */
export function readJsonDocument(path: string, file: string, what: string): { source?: JsonSource; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { problems: [{ file, line: 1, column: 1, message: `cannot read the ${what}: ${reason}` }] };
  }
  return parseJsonSource(file, text);
}

/** Where a pointer is in a parsed document (its nearest known ancestor; the file's start without positions). */
export function documentLocator(source: JsonSource | undefined, file: string) {
  return (pointer: string, onKey = false): SourceLocation => {
    let at = pointer;
    for (;;) {
      const place = source?.places.get(at);
      if (place) return (onKey ? place.key : undefined) ?? place.value;
      if (at === '') return { file, line: 1, column: 1 };
      at = at.slice(0, at.lastIndexOf('/'));
    }
  };
}

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * A lazily compiled validator for one document schema. With `withDefinitionSchemas` the
 * schema may $ref the definition schemas (e.g. "connection.schema.json#/$defs/Connection").
 */
export function documentValidator(schemaPath: () => string, options: { withDefinitionSchemas?: boolean; extraKeywords?: readonly string[] } = {}) {
  let validate: Validate | undefined;
  return async (value: unknown, problems: ProblemCollector, rootName: string): Promise<boolean> => {
    if (!validate) {
      const module = await import('ajv/dist/2020.js');
      const Ajv2020 = module.default.default;
      const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, verbose: true, discriminator: true, allowUnionTypes: true });
      for (const keyword of options.extraKeywords ?? []) ajv.addKeyword(keyword);
      if (options.withDefinitionSchemas) for (const schema of schemaFiles().values()) ajv.addSchema(schema);
      validate = ajv.compile(JSON.parse(readFileSync(schemaPath(), 'utf8')) as Record<string, unknown>) as Validate;
    }
    if (validate(value)) return true;
    reportSchemaErrors(validate.errors ?? [], problems, rootName);
    return false;
  };
}
