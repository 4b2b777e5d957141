// `connector apply <definition> --identities FILE --policy FILE`: brings the target to the
// state the policy wants for these identities. --dry-run prints the plan and writes nothing.
import { writeFileSync } from 'node:fs';
import { loadDefinition } from '../definition/load-definition.js';
import { applyPolicy } from '../provision/apply.js';
import { loadPolicy } from '../provision/load-policy.js';
import { readIdentities } from '../provision/read-identities.js';
import { reportSucceeded } from '../provision/report.js';
import { outcomeTable, planTable, summaryLine } from './apply-output.js';
import { parseConcurrency, type CommonOptions } from './common-options.js';
import { exitCodes, UsageError } from './exit-codes.js';
import { openConnector } from './open-connector.js';
import { writeJsonLines } from './output.js';

export interface ApplyCommandOptions extends CommonOptions {
  identities?: string;
  policy?: string;
  dryRun?: boolean;
  report?: string;
  batch?: boolean;
}

/** --concurrency: identities at once (default 64); HTTP requests in flight stay within the definition's cap. */
export async function openForProvisioning(path: string, options: CommonOptions & { batch?: boolean }, defaultIdentities: number) {
  const identities = parseConcurrency(options.concurrency) ?? defaultIdentities;
  const definition = await loadDefinition(path);
  const http = Math.min(identities, definition.connection.rateLimit.concurrency);
  const opened = await openConnector(path, { ...options, concurrency: String(http) }, options.batch === false ? { batch: false } : {});
  return { opened, identities };
}

export async function applyCommand(path: string, options: ApplyCommandOptions): Promise<number> {
  if (!options.identities) throw new UsageError('--identities FILE is required (CSV, NDJSON or JSON of claims; - for stdin)');
  if (!options.policy) throw new UsageError('--policy FILE is required');
  const { opened, identities: concurrency } = await openForProvisioning(path, options, 64);
  try {
    const policy = await loadPolicy(opened.definition, options.policy);
    const input = options.identities === '-' ? readIdentities('stdin', { text: await readStdin() }) : readIdentities(options.identities);
    const progress = process.stderr.isTTY === true ? (done: number, total: number) => process.stderr.write(`\r${options.dryRun ? 'planned' : 'applied'} ${done}/${total}`) : undefined;
    const report = await applyPolicy(opened.connector, policy, input, { concurrency, ...(options.dryRun && { dryRun: true }), ...(progress && { onProgress: progress }) });
    if (progress) process.stderr.write('\n');
    if (options.report) writeFileSync(options.report, JSON.stringify(report, null, 2) + '\n');
    if (options.json) {
      await writeJsonLines(process.stdout, toAsync<unknown>(report.dryRun ? report.plans! : report.identities!));
      process.stderr.write(summaryLine(report) + '\n');
    } else {
      // Identities left as they are make no row; the summary counts them.
      const plans = report.plans?.filter((plan) => plan.action !== 'none') ?? [];
      const outcomes = report.identities?.filter((outcome) => outcome.outcome !== 'unchanged') ?? [];
      if (plans.length > 0) process.stdout.write(planTable(plans) + '\n');
      if (outcomes.length > 0) process.stdout.write(outcomeTable(outcomes) + '\n');
      process.stdout.write(summaryLine(report) + '\n');
    }
    return reportSucceeded(report) ? exitCodes.ok : exitCodes.failed;
  } finally {
    await opened.close();
  }
}

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
