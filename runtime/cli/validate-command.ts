// `connector validate <definition>`: exit 0, or 1 with "file:line:col: message" per problem.
import { checkDefinition } from '../definition/load-definition.js';
import { formatProblem } from '../definition/problems.js';

export async function validateCommand(path: string, options: { json?: boolean }): Promise<number> {
  const { model, problems } = await checkDefinition(path);
  if (options.json) {
    process.stdout.write(JSON.stringify({ valid: problems.length === 0, problems }) + '\n');
  } else if (model) {
    const classes = [...model.classes.keys()].join(', ');
    process.stdout.write(`${model.mainFile}: valid definition "${model.name}" (classes: ${classes}; lookups: ${model.lookups.size})\n`);
  } else {
    process.stdout.write(problems.map(formatProblem).join('\n') + '\n');
    process.stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} found\n`);
  }
  return problems.length === 0 ? 0 : 1;
}
