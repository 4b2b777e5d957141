// relURI templates: literal path text with placeholders, each placeholder encoded as (part
// of) one path segment. A value that would change the path's structure is refused.
import { evaluateMustache, type TemplateContext } from './evaluate-expression.js';
import { textOf, type CompiledTemplate } from './compile-template.js';
import { encodePathSegment, PlaceholderValueError } from './url-encoding.js';

export function renderPath(template: CompiledTemplate, context: TemplateContext): string {
  const parts = template.parts;
  if (!parts) throw new PlaceholderValueError(`relURI "${template.source}" may only hold {{expression}} placeholders`);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = evaluateMustache(part, context);
    const text = textOf(value);
    // Only an error message needs the placeholder's source text; this runs for every request.
    const expression = () => `{{${sourceOf(part)}}}`;
    if (value === undefined || value === null || text === '') {
      throw new PlaceholderValueError(`${expression()} in relURI "${template.source}" has no value`);
    }
    const before = typeof parts[i - 1] === 'string' ? (parts[i - 1] as string) : '';
    const after = typeof parts[i + 1] === 'string' ? (parts[i + 1] as string) : '';
    const wholeSegment = (i === 0 || before.endsWith('/')) && (i === parts.length - 1 || /^[/?#]/.test(after));
    if (wholeSegment && (text === '.' || text === '..')) {
      throw new PlaceholderValueError(`${expression()} in relURI "${template.source}" is "${text}", which cannot be sent as a path segment`);
    }
    out += encodePathSegment(text);
  }
  return out;
}

function sourceOf(node: hbs.AST.MustacheStatement): string {
  const path = node.path as hbs.AST.PathExpression;
  return node.params.length > 0 ? `${path.original} …` : path.original;
}
