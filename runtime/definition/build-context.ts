// Shared state while a definition is turned into its model: the problem collector and
// compile helpers that report template and JSON-location problems at the right place.
import { compileTemplate, type CompiledTemplate } from '../template/compile-template.js';
import { compilePayload, type CompiledPayload } from '../template/payload-template.js';
import type { TemplateScope } from '../template/scope.js';
import type { ConnectorDefinition } from '../generated/definition.js';
import { childPointer } from './json-pointer.js';
import { compileJsonLocation, jsonLocationProblem, type JsonLocator } from './json-location.js';
import type { NamedTemplates } from './model.js';
import type { ProblemCollector } from './problems.js';
import type { ScopeSet } from './template-scopes.js';

export class BuildContext {
  constructor(
    readonly document: ConnectorDefinition,
    readonly problems: ProblemCollector,
    readonly scopes: ScopeSet,
  ) {}

  /**
   * Builds one part of the model even when the schema found problems elsewhere; a part
   * too broken to build yields the fallback (its schema problem is already reported).
   */
  guard<T>(pointer: string, build: () => T, fallback: T): T {
    try {
      return build();
    } catch (error) {
      if (!this.problems.hasProblemUnder(pointer)) this.problems.add(pointer, `cannot be read: ${(error as Error).message}`);
      return fallback;
    }
  }

  /** Compiles a template found at `pointer`; on problems reports them and returns a placeholder. */
  template(pointer: string, source: string, scope: TemplateScope): CompiledTemplate {
    // A template of the wrong JSON type is reported by the schema.
    if (typeof source !== 'string') return compileTemplate('', scope).template!;
    const result = compileTemplate(source, scope);
    if (result.template) return result.template;
    for (const issue of result.issues) this.problems.addInString(pointer, issue.line, issue.column, `${issue.message}`);
    return compileTemplate('', scope).template!;
  }

  templates(pointer: string, map: Readonly<Record<string, string | undefined>> | undefined, scope: TemplateScope): NamedTemplates {
    return Object.entries(map ?? {}).flatMap(([name, source]) =>
      source === undefined ? [] : [[name, this.template(childPointer(pointer, name), source, scope)] as const],
    );
  }

  payload(pointer: string, value: unknown, scope: TemplateScope): CompiledPayload {
    const { payload, issues } = compilePayload(value, scope, pointer);
    for (const issue of issues) this.problems.addInString(issue.pointer, issue.line, issue.column, issue.message);
    return payload;
  }

  location(pointer: string, source: string): JsonLocator {
    const problem = jsonLocationProblem(source);
    if (problem) this.problems.add(pointer, problem);
    return compileJsonLocation(source);
  }

  optionalLocation(pointer: string, source: string | undefined): JsonLocator | undefined {
    return source === undefined ? undefined : this.location(pointer, source);
  }
}
