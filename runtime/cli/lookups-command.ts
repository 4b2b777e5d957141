// `connector lookups <definition> [--sync] [--name N]`: lists the lookups' values (what the last
// sync stored, or the definition's static values), or with --sync fills them from the target
// first (OIM's lookup field synchronization). Listing needs no connection and no credentials.
import { loadDefinition } from '../definition/load-definition.js';
import type { DefinitionModel, LookupModel } from '../definition/model.js';
import { syncLookup, type LookupSyncResult } from '../mapping/lookup-sync.js';
import { openStateStore } from '../state/index.js';
import type { LookupEntry, StateStore } from '../state/types.js';
import type { CommonOptions } from './common-options.js';
import { exitCodes, UsageError } from './exit-codes.js';
import { openConnector } from './open-connector.js';

export interface LookupsCommandOptions extends CommonOptions {
  sync?: boolean;
  name?: string;
}

export async function lookupsCommand(path: string, options: LookupsCommandOptions): Promise<number> {
  if (options.sync) return syncCommand(path, options);
  const definition = await loadDefinition(path);
  const lookups = chosen(definition, options.name);
  const state = openStateStore(options.state);
  try {
    for (const lookup of lookups) printLookup(definition, lookup, state, options.json === true);
    return exitCodes.ok;
  } finally {
    state.close();
  }
}

async function syncCommand(path: string, options: LookupsCommandOptions): Promise<number> {
  const opened = await openConnector(path, options);
  try {
    const lookups = chosen(opened.definition, options.name);
    for (const lookup of lookups) {
      const result = await syncLookup(opened.connector.session, lookup);
      process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : describeSync(result));
    }
    return exitCodes.ok;
  } finally {
    await opened.close();
  }
}

function chosen(definition: DefinitionModel, name: string | undefined): LookupModel[] {
  const all = [...definition.lookups.values()];
  if (name === undefined) return all;
  const lookup = definition.lookups.get(name);
  if (!lookup) throw new UsageError(`unknown lookup "${name}"; lookups: ${all.map((l) => l.name).join(', ') || '(none)'}`);
  return [lookup];
}

function printLookup(definition: DefinitionModel, lookup: LookupModel, state: StateStore, json: boolean): void {
  const sync = state.getLookupSync(definition.name, lookup.name);
  const values: LookupEntry[] = sync
    ? state.lookupValues(definition.name, lookup.name)
    : lookup.source.type === 'static'
      ? lookup.source.values.map((value) => ({ code: value.code, decode: value.decode, id: value.code }))
      : [];
  if (json) {
    for (const value of values) process.stdout.write(`${JSON.stringify({ lookup: lookup.name, ...value, synced: sync !== undefined })}\n`);
    return;
  }
  const status = sync ? `synced ${sync.syncedAt}` : lookup.source.type === 'static' ? 'static, not synced' : 'never synced: run with --sync';
  process.stdout.write(`${lookup.name} (${sourceText(lookup)}; ${status}; ${values.length} values)\n`);
  for (const value of values) process.stdout.write(`  ${value.code}\t${value.decode}${value.id !== value.code ? `\t${value.id}` : ''}\n`);
}

function describeSync(result: LookupSyncResult): string {
  const skipped = result.skipped > 0 ? `, ${result.skipped} skipped (empty code or decode)` : '';
  return `${result.lookup}: ${result.count} values synced from ${result.source}${skipped}\n`;
}

function sourceText(lookup: LookupModel): string {
  const source = lookup.source;
  return source.type === 'static' ? 'static values' : source.type === 'objectClass' ? `class ${source.objectClass}` : `operation ${source.operation.label}`;
}
