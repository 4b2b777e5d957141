// Compiles a template once, at load: parse, check against its scope, then keep either a
// list of literal parts and expressions (the common case, rendered without Handlebars'
// runtime) or a compiled Handlebars function when the template uses block helpers.
import { checkTemplate, type TemplateIssue } from './check-template.js';
import { evaluateMustache, type TemplateContext } from './evaluate-expression.js';
import { compileOptions, handlebars, parseTemplate } from './handlebars-environment.js';
import type { TemplateScope } from './scope.js';

type Part = string | hbs.AST.MustacheStatement;

export interface CompiledTemplate {
  readonly source: string;
  /** True when the template is exactly one {{expression}}: `evaluate` then keeps its type. */
  readonly isSingleExpression: boolean;
  /** True when the template has no placeholders at all. */
  readonly isConstant: boolean;
  /** Literal text and expressions in order; undefined when the template uses blocks. */
  readonly parts: readonly Part[] | undefined;
  render(context: TemplateContext): string;
  evaluate(context: TemplateContext): unknown;
}

export type CompileResult = { template: CompiledTemplate; issues: [] } | { template?: undefined; issues: TemplateIssue[] };

export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join(',');
  return JSON.stringify(value);
}

export function compileTemplate(source: string, scope: TemplateScope): CompileResult {
  let program: hbs.AST.Program;
  try {
    program = parseTemplate(source);
  } catch (error) {
    return { issues: [syntaxIssue(error)] };
  }
  const issues = checkTemplate(program, scope);
  if (issues.length > 0) return { issues };

  const simple = program.body.every((s) => s.type === 'ContentStatement' || s.type === 'MustacheStatement' || s.type === 'CommentStatement');
  const parts: Part[] | undefined = simple
    ? program.body.flatMap((s): Part[] => (s.type === 'ContentStatement' ? [(s as hbs.AST.ContentStatement).value] : s.type === 'MustacheStatement' ? [s as hbs.AST.MustacheStatement] : []))
    : undefined;
  const single = parts?.length === 1 && typeof parts[0] !== 'string' ? parts[0] : undefined;
  // Templates with blocks go to Handlebars itself, compiled on first render (Handlebars would
  // defer the compilation to then anyway; deferring the call also defers loading it).
  let blockRender: HandlebarsTemplateDelegate | undefined;

  const render = (context: TemplateContext): string => {
    if (!parts) {
      blockRender ??= handlebars().compile(program, compileOptions);
      return blockRender(context);
    }
    let out = '';
    for (const part of parts!) out += typeof part === 'string' ? part : textOf(evaluateMustache(part, context));
    return out;
  };
  return {
    issues: [],
    template: {
      source,
      isSingleExpression: single !== undefined,
      isConstant: parts !== undefined && parts.every((p) => typeof p === 'string'),
      parts,
      render,
      evaluate: (context) => (single ? evaluateMustache(single, context) : render(context)),
    },
  };
}

function syntaxIssue(error: unknown): TemplateIssue {
  const message = error instanceof Error ? error.message : String(error);
  // Handlebars: "Parse error on line 1:\n{{foo\n-----^\nExpecting 'ID', got 'EOF'"
  const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
  const caret = /\n(-*)\^/.exec(message)?.[1]?.length ?? 0;
  const got = /got '([^']+)'/.exec(message)?.[1];
  const explanation =
    got === 'EOF'
      ? 'the template ends inside a placeholder (a closing }} is missing)'
      : got === 'INVALID'
        ? 'a placeholder is malformed (check its braces: {{name}})'
        : got
          ? `unexpected ${got.toLowerCase().replace(/_/g, ' ')} in a placeholder`
          : (message.split('\n')[0] ?? message);
  return { message: `template syntax error: ${explanation}`, line, column: caret };
}
