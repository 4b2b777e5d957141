// Access to the JSON Schema files in schemas/, for the ajv fallback compile and to explain
// errors (allowed keys, union alternatives). Only read when needed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type JsonSchema = Record<string, unknown>;

function findSchemasDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'schemas');
    if (existsSync(join(candidate, 'definition.schema.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the schemas/ folder of generic-rest-connector');
    dir = parent;
  }
}

let cache: Map<string, JsonSchema> | undefined;

/** Every schema file by its $id (e.g. "operation.schema.json"). */
export function schemaFiles(): Map<string, JsonSchema> {
  if (!cache) {
    const dir = findSchemasDir();
    cache = new Map();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
      const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonSchema;
      cache.set(String(schema.$id ?? file), schema);
    }
  }
  return cache;
}

function findDefinitionByTitle(title: string): { file: string; schema: JsonSchema } | undefined {
  for (const [file, root] of schemaFiles()) {
    const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
    for (const def of Object.values(defs)) if (def.title === title) return { file, schema: def };
  }
  return undefined;
}

function resolveRef(ref: string, baseFile: string): { file: string; schema: JsonSchema } | undefined {
  const [filePart, fragment = ''] = ref.split('#');
  const file = filePart || baseFile;
  let node: unknown = schemaFiles().get(file);
  for (const token of fragment.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[token];
  return node && typeof node === 'object' ? { file, schema: node as JsonSchema } : undefined;
}

/** Keys a schema object accepts, following allOf/$ref (for unknown-key suggestions). */
export function allowedKeys(schema: JsonSchema, baseFile?: string): string[] {
  const file = baseFile ?? (typeof schema.title === 'string' ? findDefinitionByTitle(schema.title)?.file : undefined) ?? 'definition.schema.json';
  const keys = new Set(Object.keys((schema.properties ?? {}) as object));
  const parts = [...((schema.allOf ?? []) as JsonSchema[])];
  if (typeof schema.$ref === 'string') parts.push({ $ref: schema.$ref });
  for (const part of parts) {
    const resolved = typeof part.$ref === 'string' ? resolveRef(part.$ref, file) : { file, schema: part };
    if (resolved) for (const key of allowedKeys(resolved.schema, resolved.file)) keys.add(key);
  }
  return [...keys];
}

/** Values of the discriminator property across a oneOf union (e.g. auth types). */
export function discriminatorValues(schema: JsonSchema, tag: string): string[] {
  const file = (typeof schema.title === 'string' ? findDefinitionByTitle(schema.title)?.file : undefined) ?? 'definition.schema.json';
  const values: string[] = [];
  for (const branch of (schema.oneOf ?? []) as JsonSchema[]) {
    const resolved = typeof branch.$ref === 'string' ? resolveRef(branch.$ref, file)?.schema : branch;
    const property = ((resolved?.properties ?? {}) as Record<string, JsonSchema>)[tag];
    if (property && 'const' in property) values.push(String(property.const));
  }
  return values;
}
