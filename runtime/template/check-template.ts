// Static check of a parsed template against its scope: every variable exists, every
// helper is known and called with the right number of arguments, no partials.
import { closestMatch } from '../definition/did-you-mean.js';
import { blockHelpers, helpers } from './helpers.js';
import type { TemplateScope, VariableShape } from './scope.js';

export interface TemplateIssue {
  message: string;
  /** 1-based line and 0-based column inside the template text. */
  line: number;
  column: number;
}

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;

interface Frame {
  /** Inside an #each/#with without block params: paths are relative to an unknown item. */
  free: boolean;
  locals: ReadonlySet<string>;
}

const helperNames = [...Object.keys(helpers), ...blockHelpers];

export function checkTemplate(program: hbs.AST.Program, scope: TemplateScope): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const issue = (node: Node, message: string) => issues.push({ message, line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 0 });

  const checkPath = (path: hbs.AST.PathExpression, frame: Frame): void => {
    if (path.data) {
      if (path.parts[0] === 'root') checkVariable(path, path.parts.slice(1), issue, scope);
      return;
    }
    if (path.depth > 0 || frame.free) return;
    if (path.original === 'this' || path.original.startsWith('this.')) {
      issue(path, `"${path.original}" is not allowed here: name a variable instead (${Object.keys(scope.variables).join(', ')})`);
      return;
    }
    if (path.parts[0] !== undefined && frame.locals.has(path.parts[0])) return;
    checkVariable(path, path.parts, issue, scope);
  };

  const checkExpression = (node: Expression, frame: Frame): void => {
    if (node.type === 'PathExpression') checkPath(node as hbs.AST.PathExpression, frame);
    else if (node.type === 'SubExpression') checkCall(node as hbs.AST.SubExpression, frame, false);
  };

  const checkCall = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement, frame: Frame, isBlock: boolean): void => {
    const path = node.path as hbs.AST.PathExpression | hbs.AST.Literal;
    const name = path.type === 'PathExpression' ? (path as hbs.AST.PathExpression).original : undefined;
    const args = node.params.length;
    const hasHash = (node.hash?.pairs.length ?? 0) > 0;
    if (hasHash) issue(node, `hash arguments (name=value) are not supported in templates`);
    if (isBlock) {
      if (!name || !blockHelpers.has(name)) issue(node, `unknown block helper "#${name ?? '?'}"; use #if, #unless, #each or #with${suggest(name ?? '', [...blockHelpers])}`);
      else if (args !== 1) issue(node, `#${name} takes exactly one argument`);
    } else if (name !== undefined && name in helpers) {
      const [min, max] = helpers[name]!.arity;
      if (args < min || args > max) issue(node, `helper "${name}" takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'}, not ${args}`);
    } else if (name !== undefined && blockHelpers.has(name)) {
      issue(node, `"${name}" is a block helper: write {{#${name} ...}}...{{/${name}}}`);
    } else if (args > 0 || hasHash) {
      issue(node, `unknown helper "${name ?? '?'}"${suggest(name ?? '', helperNames)}; known helpers: ${Object.keys(helpers).join(', ')}`);
    } else if (path.type === 'PathExpression') {
      checkPath(path as hbs.AST.PathExpression, frame);
    }
    for (const param of node.params) checkExpression(param, frame);
  };

  const walk = (program: hbs.AST.Program | undefined, frame: Frame): void => {
    for (const statement of program?.body ?? []) {
      switch (statement.type) {
        case 'MustacheStatement':
          checkCall(statement as hbs.AST.MustacheStatement, frame, false);
          break;
        case 'BlockStatement': {
          const block = statement as hbs.AST.BlockStatement;
          checkCall(block, frame, true);
          const name = block.path.original;
          const params = block.program?.blockParams ?? [];
          const changesContext = name === 'each' || name === 'with';
          const inner: Frame = changesContext
            ? { free: frame.free || params.length === 0, locals: new Set([...frame.locals, ...params]) }
            : frame;
          walk(block.program, inner);
          walk(block.inverse, frame);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement':
          issue(statement, 'partials ({{> name}}) are not supported in templates');
          break;
        case 'DecoratorBlock':
        case 'Decorator':
          issue(statement, 'decorators are not supported in templates');
          break;
        default:
          break;
      }
    }
  };
  walk(program, { free: false, locals: new Set() });
  return issues;
}

function suggest(word: string, candidates: string[]): string {
  const match = closestMatch(word, candidates);
  return match ? ` (did you mean "${match}"?)` : '';
}

function checkVariable(node: hbs.AST.PathExpression, parts: string[], issue: (node: Node, message: string) => void, scope: TemplateScope): void {
  const [root, ...rest] = parts;
  if (root === undefined) return;
  let shape: VariableShape | undefined = scope.variables[root];
  if (shape === undefined) {
    const available = Object.keys(scope.variables);
    issue(node, `unknown variable "${root}"${suggest(root, available)}; available here: ${available.join(', ') || 'none'}`);
    return;
  }
  let walked = root;
  for (const part of rest) {
    if (shape === 'any') return;
    if (shape === 'scalar') {
      issue(node, `"${walked}" has no property "${part}"`);
      return;
    }
    const keys: Record<string, VariableShape> = shape;
    const next: VariableShape | undefined = Object.hasOwn(keys, part) ? keys[part] : undefined;
    if (next === undefined) {
      const what = root === 'config' ? 'setting' : root === 'attrs' ? 'attribute' : 'property';
      issue(node, `unknown ${what} "${walked}.${part}"${suggest(part, Object.keys(keys)).replace('"' , `"${walked}.`)}`);
      return;
    }
    shape = next;
    walked += `.${part}`;
  }
}
