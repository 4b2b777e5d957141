// One isolated Handlebars environment with our helpers only. Handlebars options follow
// DESIGN.md: strict lookups, no HTML escaping, known helpers only; prototype access stays off.
// Loading is split for start-up time: parsing needs only Handlebars' parser; the full library
// (compiler, runtime, source-map) is required on first use, when a template with blocks is
// first rendered, so that `connector validate` never pays for it (about 25 ms of a cold start).
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import { helpers } from './helpers.js';

const require = createRequire(import.meta.url);

let environment: typeof Handlebars | undefined;
let parser: { parse(source: string): hbs.AST.Program } | undefined;

export function handlebars(): typeof Handlebars {
  if (!environment) {
    environment = (require('handlebars') as typeof Handlebars).create();
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

/** The same parse as Handlebars.parse (it is that function), without loading the rest. */
export function parseTemplate(source: string): hbs.AST.Program {
  parser ??= require('handlebars/dist/cjs/handlebars/compiler/base.js') as { parse(source: string): hbs.AST.Program };
  return parser.parse(source);
}
