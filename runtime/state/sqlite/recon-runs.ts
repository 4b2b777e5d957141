// Reconciliation runs and the uids each has already emitted an event for. A full run killed
// half-way is resumed under the same run id: `wasEmitted` then skips what was already reported.
// Callers record emitted uids together with the page checkpoint in one transaction.
import type { ReconRun, ReconRunMode, ReconRunOutcome, RunId } from '../types.js';
import type { SqliteContext } from './database.js';
import { stateError } from '../state-error.js';

interface RunRow {
  id: number;
  definition: string;
  object_class: string;
  mode: ReconRunMode;
  started_at: string;
  finished_at: string | null;
  outcome: ReconRunOutcome | null;
}

const resumable = "(outcome IS NULL OR outcome = 'failed')";

export class ReconRuns {
  constructor(private readonly sql: SqliteContext) {}

  begin(definition: string, objectClass: string, mode: ReconRunMode): ReconRun {
    return this.sql.atomic(() => {
      const now = this.sql.now();
      const stale = this.sql.all<{ id: number }>(
        `SELECT id FROM recon_runs WHERE definition = ? AND object_class = ? AND mode = ? AND ${resumable}`, definition, objectClass, mode,
      );
      for (const { id } of stale) {
        this.sql.run("UPDATE recon_runs SET outcome = 'abandoned', finished_at = coalesce(finished_at, ?) WHERE id = ?", now, id);
        this.sql.run('DELETE FROM recon_emitted WHERE run_id = ?', id);
      }
      const id = Number(this.sql.run('INSERT INTO recon_runs (definition, object_class, mode, started_at) VALUES (?, ?, ?, ?)', definition, objectClass, mode, now).lastInsertRowid);
      return { id, definition, objectClass, mode, startedAt: now, emitted: 0 };
    });
  }

  finish(runId: RunId, outcome: 'completed' | 'failed'): void {
    this.sql.atomic(() => {
      const run = this.sql.get<RunRow>('SELECT * FROM recon_runs WHERE id = ?', runId);
      if (!run) throw stateError('finishRun', `recon run ${runId} does not exist`);
      if (run.outcome === 'completed' || run.outcome === 'abandoned') throw stateError('finishRun', `recon run ${runId} is already ${run.outcome}`);
      this.sql.run('UPDATE recon_runs SET outcome = ?, finished_at = ? WHERE id = ?', outcome, this.sql.now(), runId);
      // A completed run will never be resumed: its dedupe rows have done their job.
      if (outcome === 'completed') this.sql.run('DELETE FROM recon_emitted WHERE run_id = ?', runId);
    });
  }

  getOpen(definition: string, objectClass: string, mode: ReconRunMode): ReconRun | undefined {
    const row = this.sql.get<RunRow>(
      'SELECT * FROM recon_runs WHERE definition = ? AND object_class = ? AND mode = ? ORDER BY id DESC LIMIT 1', definition, objectClass, mode,
    );
    if (!row || row.outcome === 'completed' || row.outcome === 'abandoned') return undefined;
    return this.toRun(row);
  }

  get(runId: RunId): ReconRun | undefined {
    const row = this.sql.get<RunRow>('SELECT * FROM recon_runs WHERE id = ?', runId);
    return row && this.toRun(row);
  }

  recordEmitted(runId: RunId, uid: string): void {
    try {
      this.sql.run('INSERT OR IGNORE INTO recon_emitted (run_id, uid) VALUES (?, ?)', runId, uid);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw stateError('recordEmitted', `recon run ${runId} does not exist`);
      throw error;
    }
  }

  recordEmittedMany(runId: RunId, uids: Iterable<string>): void {
    this.sql.transaction(() => {
      for (const uid of uids) this.recordEmitted(runId, uid);
    });
  }

  wasEmitted(runId: RunId, uid: string): boolean {
    return this.sql.get('SELECT 1 FROM recon_emitted WHERE run_id = ? AND uid = ?', runId, uid) !== undefined;
  }

  private toRun(row: RunRow): ReconRun {
    const emitted = this.sql.get<{ n: number }>('SELECT count(*) AS n FROM recon_emitted WHERE run_id = ?', row.id)?.n ?? 0;
    return {
      id: row.id,
      definition: row.definition,
      objectClass: row.object_class,
      mode: row.mode,
      startedAt: row.started_at,
      ...(row.finished_at !== null && { finishedAt: row.finished_at }),
      ...(row.outcome !== null && { outcome: row.outcome }),
      emitted,
    };
  }
}
