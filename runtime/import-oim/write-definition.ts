// Writes an imported definition as a directory in the shape of the bundled definitions:
// connector.json (settings and connection, listing the others), classes/<class>.json,
// lookups.json and mappings.json. Only these files are written; others are left alone.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConnectorDefinition } from '../generated/definition.js';

export interface DefinitionFile {
  /** Path relative to the definition directory, e.g. "classes/user.json". */
  path: string;
  content: Record<string, unknown>;
  comment: string;
}

function schemasDirectory(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'schemas', 'definition.schema.json'))) return join(dir, 'schemas');
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The definition split into files; the main file includes the others. */
export function splitDefinition(definition: ConnectorDefinition, sources: readonly string[]): DefinitionFile[] {
  const { objectClasses = {}, lookups, mappings, ...main } = definition;
  const files: DefinitionFile[] = [];
  for (const [name, cls] of Object.entries(objectClasses)) {
    files.push({ path: `classes/${name}.json`, content: { objectClasses: { [name]: cls } }, comment: `class ${name}${cls?.icfName ? ` (OIM ${cls.icfName})` : ''}` });
  }
  if (lookups && Object.keys(lookups).length > 0) files.push({ path: 'lookups.json', content: { lookups }, comment: 'lookups' });
  if (mappings && Object.keys(mappings).length > 0) files.push({ path: 'mappings.json', content: { mappings }, comment: 'attribute maps (OIM ProvAttrMap / ReconAttrMap)' });
  const { name, displayName, description, version, ...rest } = main;
  const connector = { name, displayName, description, version, include: files.map((f) => f.path), ...rest };
  return [{ path: 'connector.json', content: connector, comment: `imported from ${sources.join(', ')} by \`connector import-oim\`; see its report` }, ...files];
}

export function writeDefinition(directory: string, files: readonly DefinitionFile[]): string[] {
  const schemas = schemasDirectory();
  const written: string[] = [];
  for (const file of files) {
    const path = join(directory, file.path);
    mkdirSync(dirname(path), { recursive: true });
    const schema = schemas ? relative(dirname(path), join(schemas, 'definition.schema.json')).split(sep).join('/') : undefined;
    const content = schema ? { $schema: schema, ...file.content } : file.content;
    writeFileSync(path, `// ${file.comment}\n${JSON.stringify(content, null, 2)}\n`);
    written.push(file.path);
  }
  return written;
}
