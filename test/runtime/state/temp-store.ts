// A state store in a fresh temporary directory, removed again after the test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStateStore, type OpenStateStoreOptions, type StateStore } from '../../../runtime/state/index.js';

export interface TempStore {
  dir: string;
  file: string;
  store: StateStore;
  reopen(): StateStore;
  dispose(): void;
}

export function tempStore(options: OpenStateStoreOptions = {}): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'grc-state-'));
  const file = join(dir, 'nested', 'state.db');
  const temp: TempStore = {
    dir,
    file,
    store: openStateStore(file, options),
    reopen() {
      temp.store.close();
      temp.store = openStateStore(file, options);
      return temp.store;
    },
    dispose() {
      temp.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}

/** A clock that advances one second per reading, from a fixed start: stable, ordered timestamps. */
export function steppingClock(start = '2026-01-01T00:00:00.000Z'): () => Date {
  let next = Date.parse(start);
  return () => {
    const now = new Date(next);
    next += 1000;
    return now;
  };
}
