// One isolated Handlebars environment with our helpers only. Handlebars options follow
// DESIGN.md: strict lookups, no HTML escaping, known helpers only; prototype access stays off.
import Handlebars from 'handlebars';
import { helpers } from './helpers.js';

let environment: typeof Handlebars | undefined;

export function handlebars(): typeof Handlebars {
  if (!environment) {
    environment = Handlebars.create();
    for (const [name, spec] of Object.entries(helpers)) {
      // Handlebars passes an options object last; our helpers take only their arguments.
      environment.registerHelper(name, (...args: unknown[]) => spec.fn(...args.slice(0, -1)));
    }
  }
  return environment;
}

export const compileOptions = {
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(helpers).map((name) => [name, true])),
} as const;

export function parseTemplate(source: string): hbs.AST.Program {
  return handlebars().parse(source);
}
