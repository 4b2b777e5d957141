// Build step: compiles the definition schemas into standalone validation code
// (dist/runtime/generated/definition-validator.js), so `connector validate` does not pay
// for compiling the schemas with ajv at every start.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const schemasDir = dirname(fileURLToPath(import.meta.url));
const target = join(schemasDir, '..', 'dist', 'runtime', 'generated', 'definition-validator.js');

// Keep these options identical to runtime/definition/schema-options.ts.
const ajv = new Ajv2020.default({
  strict: true,
  strictRequired: false,
  allErrors: true,
  verbose: true,
  discriminator: true,
  allowUnionTypes: true,
  code: { source: true, esm: true },
});
for (const file of readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(join(schemasDir, file), 'utf8')));
}
const code = standaloneCode.default(ajv, { validateDefinition: 'definition.schema.json' });
mkdirSync(dirname(target), { recursive: true });
// ajv's ESM output still calls require() for its runtime helpers.
const prelude = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
writeFileSync(target, `// GENERATED at build time from schemas/ - do not edit.\n${prelude}${code}`);
