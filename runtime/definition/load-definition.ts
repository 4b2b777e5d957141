// Loads a definition: read and merge its files, validate against the schemas, then build
// the immutable model while checking everything the schema cannot (references, templates).
// Every problem of every file is collected; the caller gets a model or all problems.
import type { ConnectorDefinition } from '../generated/definition.js';
import { BuildContext } from './build-context.js';
import { buildPresets, buildSettings } from './build-configuration.js';
import { buildConnection } from './build-connection.js';
import { buildLookups } from './build-lookups.js';
import { buildMappings } from './build-mappings.js';
import { buildObjectClass } from './build-object-class.js';
import { buildReconciliation } from './build-reconciliation.js';
import { checkCrossReferences } from './check-cross-references.js';
import { deepFreeze } from './deep-freeze.js';
import { pointerOf } from './json-pointer.js';
import type { ConnectionModel, DefinitionModel, ObjectClassModel } from './model.js';
import { DefinitionLoadError, ProblemCollector, sortProblems, type Problem } from './problems.js';
import { readDefinitionFiles } from './read-definition-files.js';
import { validateAgainstSchema } from './schema-validation.js';
import { buildScopes } from './template-scopes.js';

export interface DefinitionCheck {
  model?: DefinitionModel;
  problems: Problem[];
}

export async function checkDefinition(path: string): Promise<DefinitionCheck> {
  const sources = readDefinitionFiles(path);
  const problems = new ProblemCollector(sources.locate);
  problems.problems.push(...sources.problems);
  if (sources.problems.some((p) => p.file === sources.mainFile && /^(cannot read|invalid JSON|a definition file)/.test(p.message))) {
    return { problems: sortProblems(problems.problems) };
  }
  await validateAgainstSchema(sources.document, problems);
  const document = sources.document as ConnectorDefinition;
  const context = new BuildContext(document, problems, buildScopes(document));
  const guard = <T>(pointer: string, build: () => T): T | undefined => context.guard<T | undefined>(pointer, build, undefined);

  for (const key of ['name', 'connection', 'objectClasses'] as const) {
    if (document[key] === undefined) problems.add('', `the definition is missing the required key "${key}"`);
  }
  const settings = guard('/configuration', () => buildSettings(context)) ?? new Map();
  const presets = guard('/configuration/presets', () => buildPresets(context, settings)) ?? new Map();
  const connection: ConnectionModel | undefined = document.connection ? guard('/connection', () => buildConnection(context, document.connection!)) : undefined;
  const classes = new Map<string, ObjectClassModel>();
  if (connection) {
    for (const [name, raw] of Object.entries(document.objectClasses ?? {})) {
      const cls = raw && guard(pointerOf('objectClasses', name), () => buildObjectClass(context, name, raw, connection));
      if (cls) classes.set(name, cls);
    }
  }
  const lookups = (connection && guard('/lookups', () => buildLookups(context, connection))) ?? new Map();
  const mappings = guard('/mappings', () => buildMappings(context, classes)) ?? new Map();
  const reconciliation = (connection && guard('/reconciliation', () => buildReconciliation(context, classes, mappings, connection))) ?? new Map();
  guard('', () => checkCrossReferences(context, classes));

  if (problems.count > 0 || !connection) return { problems: sortProblems(problems.problems) };
  const model: DefinitionModel = {
    name: document.name!,
    displayName: document.displayName ?? document.name!,
    ...(document.description !== undefined && { description: document.description }),
    ...(document.version !== undefined && { version: document.version }),
    mainFile: sources.mainFile,
    directory: sources.directory,
    settings,
    presets,
    connection,
    classes,
    lookups,
    mappings,
    reconciliation,
    document,
  };
  return { model: deepFreeze(model), problems: [] };
}

/** Loads a definition or throws DefinitionLoadError listing every problem. */
export async function loadDefinition(path: string): Promise<DefinitionModel> {
  const { model, problems } = await checkDefinition(path);
  if (!model) throw new DefinitionLoadError(problems);
  return model;
}
