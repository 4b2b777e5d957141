// `connector reconcile <definition> --class C`: events as NDJSON on stdout or --out FILE,
// progress on stderr when it is a terminal, a one-line summary at the end (--json: the summary
// as JSON - on stdout when the events go to a file, else on stderr after them).
import { openFileSink, stdoutSink, type EventSink } from '../reconcile/event-sink.js';
import { eventTypes } from '../reconcile/events.js';
import { progressReporter } from '../reconcile/progress.js';
import { runReconciliation, type ReconcileSummary } from '../reconcile/run-reconciliation.js';
import type { CommonOptions } from './common-options.js';
import { exitCodes, UsageError } from './exit-codes.js';
import { openConnector } from './open-connector.js';

export interface ReconcileCommandOptions extends CommonOptions {
  class?: string;
  mode?: string;
  trusted?: boolean;
  filter?: string;
  rawFilter?: string;
  uid?: string;
  limit?: string;
  special?: string;
  restart?: boolean;
  out?: string;
}

export async function reconcileCommand(path: string, options: ReconcileCommandOptions): Promise<number> {
  if (!options.class) throw new UsageError('--class is required (e.g. --class user or --class __ACCOUNT__)');
  const mode = options.mode ?? 'full';
  if (mode !== 'full' && mode !== 'incremental') throw new UsageError(`--mode must be full or incremental, not "${mode}"`);
  const limit = positiveInteger(options.limit, '--limit');
  const toFile = options.out !== undefined && options.out !== '-';
  const specials = options.special === undefined ? undefined : options.special === 'all' ? ('all' as const) : options.special.split(',').map((s) => s.trim()).filter(Boolean);
  const opened = await openConnector(path, options);
  // No progress line over events that go to the same terminal.
  const progress = progressReporter(`reconcile ${options.class}`, process.stderr.isTTY === true && (toFile || process.stdout.isTTY !== true));
  try {
    const summary = await runReconciliation(opened.connector.session, {
      objectClass: options.class,
      mode,
      trusted: options.trusted === true,
      ...(options.filter !== undefined && { filter: options.filter }),
      ...(options.rawFilter !== undefined && { rawFilter: options.rawFilter }),
      ...(options.uid !== undefined && { uid: options.uid }),
      ...(limit !== undefined && { limit }),
      ...(specials !== undefined && { specials }),
      ...(options.restart && { restart: true }),
      openSink: (resumeAt): EventSink => {
        if (!toFile) return stdoutSink();
        const { sink, warning } = openFileSink(options.out!, resumeAt);
        if (warning) process.stderr.write(`warning: ${warning}\n`);
        return sink;
      },
      warn: (message) => process.stderr.write(`warning: ${message}\n`),
      onProgress: (p) => progress.update(p),
    });
    progress.stop();
    report(summary, options.json === true, toFile ? options.out : undefined);
    return exitCodes.ok;
  } finally {
    progress.stop();
    await opened.close();
  }
}

function report(summary: ReconcileSummary, json: boolean, file: string | undefined): void {
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (json) {
    const line = JSON.stringify({ ...summary, maxRssMb }) + '\n';
    if (file !== undefined) process.stdout.write(line);
    else process.stderr.write(line);
    return;
  }
  const counts = eventTypes.filter((type) => summary.counts[type] > 0).map((type) => `${type} ${summary.counts[type]}`).join(', ');
  const mode = `${summary.trusted ? 'trusted' : 'target'}, ${summary.mode}${summary.resumed ? ', resumed' : ''}`;
  process.stderr.write(
    `reconcile ${summary.class} (${mode}, ${summary.source}): ${summary.objects} objects, ${summary.pages} pages, ${summary.events} events` +
      `${counts ? ` (${counts})` : ''} in ${(summary.durationMs / 1000).toFixed(1)}s${file !== undefined ? ` -> ${file}` : ''}\n`,
  );
}

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${option} must be a positive integer, not "${value}"`);
  return n;
}
