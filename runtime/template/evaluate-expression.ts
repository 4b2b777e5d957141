// Evaluates one Handlebars expression against a context without stringifying it, so that
// a payload leaf "{{attrs.accountEnabled}}" stays a boolean. Only own properties are read.
import { helpers } from './helpers.js';

export type TemplateContext = Readonly<Record<string, unknown>>;

export function lookupPath(root: unknown, parts: readonly string[]): unknown {
  let value: unknown = root;
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function evaluateExpression(node: hbs.AST.Expression, context: TemplateContext): unknown {
  switch (node.type) {
    case 'PathExpression': {
      const path = node as hbs.AST.PathExpression;
      const parts = path.data && path.parts[0] === 'root' ? path.parts.slice(1) : path.parts;
      return lookupPath(context, parts);
    }
    case 'SubExpression':
      return callHelper(node as hbs.AST.SubExpression, context);
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return (node as hbs.AST.StringLiteral).value;
    case 'NullLiteral':
      return null;
    default:
      return undefined;
  }
}

export function evaluateMustache(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression, context: TemplateContext): unknown {
  const path = node.path;
  if (path.type === 'PathExpression' && (path as hbs.AST.PathExpression).original in helpers) return callHelper(node, context);
  return evaluateExpression(path as hbs.AST.Expression, context);
}

function callHelper(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression, context: TemplateContext): unknown {
  const name = (node.path as hbs.AST.PathExpression).original;
  const spec = helpers[name];
  if (!spec) return undefined; // rejected at load time
  return spec.fn(...node.params.map((param) => evaluateExpression(param, context)));
}
