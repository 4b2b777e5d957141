// After a listing of the whole class: the known accounts it did not return are deletions
// (OIM's reconciliation of deleted accounts by comparison). They are handed out in chunks, each
// committed as its own batch, while the store walks the accounts by uid.
import type { ReconScope } from './recon-scope.js';

export function reportUnseen(scope: ReconScope, runId: number, commitChunk: (uids: string[]) => void): void {
  let chunk: string[] = [];
  for (const account of scope.state.unseenSince(scope.definition, scope.accountClass, runId)) {
    chunk.push(account.uid);
    if (chunk.length >= 500) {
      commitChunk(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) commitChunk(chunk);
}
