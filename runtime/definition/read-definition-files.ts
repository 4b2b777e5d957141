// Reads a definition from disk: the main file (or <dir>/connector.json) and the files it
// includes, merged into one document. Each file has the shape of the whole definition;
// named entries (object classes, lookups, settings, ...) may live in any file, once.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { parseJsonSource, type JsonSource } from './json-source.js';
import { pointerOf, pointerTokens } from './json-pointer.js';
import type { Problem, SourceLocation } from './problems.js';

export const mainFileName = 'connector.json';

/** Top-level maps whose entries may come from different files. */
const mergedMaps = ['objectClasses', 'lookups', 'mappings', 'reconciliation'] as const;
const mergedConfigurationMaps = ['properties', 'presets'] as const;

export interface DefinitionSources {
  mainFile: string;
  directory: string;
  document: Record<string, unknown>;
  problems: Problem[];
  locate(pointer: string, onKey?: boolean): SourceLocation;
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export function resolveMainFile(path: string): string {
  const absolute = resolve(path);
  try {
    if (statSync(absolute).isDirectory()) return join(absolute, mainFileName);
  } catch {
    // Reported by the reader below with the path the user gave.
  }
  return absolute;
}

function readSource(absolute: string, problems: Problem[], from?: SourceLocation): JsonSource | undefined {
  const file = displayPath(absolute);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    problems.push({ ...(from ?? { file, line: 1, column: 1 }), message: `cannot read ${file}: ${reason}` });
    return undefined;
  }
  const parsed = parseJsonSource(file, text);
  problems.push(...parsed.problems);
  if (parsed.source && (typeof parsed.source.value !== 'object' || parsed.source.value === null || Array.isArray(parsed.source.value))) {
    problems.push({ file, line: 1, column: 1, message: 'a definition file must hold a JSON object' });
    return undefined;
  }
  return parsed.source;
}

export function readDefinitionFiles(path: string): DefinitionSources {
  const mainAbsolute = resolveMainFile(path);
  const problems: Problem[] = [];
  const main = readSource(mainAbsolute, problems);
  const sources: JsonSource[] = main ? [main] : [];
  const includes = main ? (main.value as Record<string, unknown>).include : undefined;
  if (Array.isArray(includes)) {
    includes.forEach((entry, i) => {
      if (typeof entry !== 'string' || !main) return; // the schema reports the wrong type
      const place = main.places.get(pointerOf('include', i))?.value;
      const included = readSource(resolve(dirname(mainAbsolute), entry), problems, place);
      if (included) sources.push(included);
    });
  }
  const owners = new Map<string, JsonSource>();
  const document: Record<string, unknown> = {};
  for (const source of sources) mergeFragment(document, source, source === main, owners, problems);

  const fallback: SourceLocation = { file: displayPath(mainAbsolute), line: 1, column: 1 };
  const locate = (pointer: string, onKey = false): SourceLocation => {
    const tokens = pointerTokens(pointer);
    for (let n = Math.min(tokens.length, 3); n >= 1; n--) {
      const owner = owners.get(pointerOf(...tokens.slice(0, n)));
      if (owner) return placeIn(owner, tokens, onKey) ?? fallback;
    }
    return main ? (placeIn(main, tokens, onKey) ?? fallback) : fallback;
  };
  return { mainFile: displayPath(mainAbsolute), directory: dirname(mainAbsolute), document, problems, locate };
}

function placeIn(source: JsonSource, tokens: string[], onKey: boolean): SourceLocation | undefined {
  for (let n = tokens.length; n >= 0; n--) {
    const place = source.places.get(pointerOf(...tokens.slice(0, n)));
    if (place) return onKey && n === tokens.length && place.key ? place.key : place.value;
  }
  return undefined;
}

function mergeFragment(
  document: Record<string, unknown>,
  source: JsonSource,
  isMain: boolean,
  owners: Map<string, JsonSource>,
  problems: Problem[],
): void {
  const fragment = source.value as Record<string, unknown>;
  const claim = (tokens: string[], value: unknown, into: Record<string, unknown>, key: string): void => {
    const pointer = pointerOf(...tokens);
    const previous = owners.get(pointer);
    if (previous) {
      const first = previous.places.get(pointer)?.key ?? previous.places.get(pointer)?.value;
      const where = first ? `${first.file}:${first.line}:${first.column}` : previous.file;
      const here = source.places.get(pointer)?.key ?? source.places.get(pointer)?.value ?? { file: source.file, line: 1, column: 1 };
      problems.push({ ...here, message: `${tokens.join('.')} is already defined at ${where}` });
      return;
    }
    owners.set(pointer, source);
    into[key] = value;
  };
  for (const [key, value] of Object.entries(fragment)) {
    if (key === '$schema') continue;
    if (key === 'include' && !isMain) {
      const place = source.places.get(pointerOf('include'))?.key ?? { file: source.file, line: 1, column: 1 };
      problems.push({ ...place, message: 'include is only allowed in the main file of a definition' });
      continue;
    }
    const isMergedMap = (mergedMaps as readonly string[]).includes(key) || key === 'configuration';
    if (!isMergedMap || typeof value !== 'object' || value === null || Array.isArray(value)) {
      claim([key], value, document, key);
      continue;
    }
    const target = (document[key] ??= {}) as Record<string, unknown>;
    if (key === 'configuration') {
      for (const [section, entries] of Object.entries(value as Record<string, unknown>)) {
        if (!(mergedConfigurationMaps as readonly string[]).includes(section) || typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
          claim([key, section], entries, target, section);
          continue;
        }
        const sectionTarget = (target[section] ??= {}) as Record<string, unknown>;
        for (const [name, entry] of Object.entries(entries as Record<string, unknown>)) claim([key, section, name], entry, sectionTarget, name);
      }
    } else {
      for (const [name, entry] of Object.entries(value as Record<string, unknown>)) claim([key, name], entry, target, name);
    }
  }
}
