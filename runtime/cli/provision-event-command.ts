// `connector provision-event <definition> --policy FILE`: identity events as NDJSON on stdin,
// each applied at once, one result line per event on stdout (NDJSON), in order.
import { createInterface } from 'node:readline';
import { toErrorJson } from '../operations/run-steps.js';
import { applyIdentityEvent, parseIdentityEvent, type EventResult } from '../provision/identity-events.js';
import { loadPolicy } from '../provision/load-policy.js';
import { openForProvisioning } from './apply-command.js';
import type { CommonOptions } from './common-options.js';
import { exitCodes, UsageError } from './exit-codes.js';

export interface ProvisionEventOptions extends CommonOptions {
  policy?: string;
  batch?: boolean;
}

export async function provisionEventCommand(path: string, options: ProvisionEventOptions): Promise<number> {
  if (!options.policy) throw new UsageError('--policy FILE is required');
  const { opened } = await openForProvisioning(path, options, 8);
  let failed = 0;
  try {
    const policy = await loadPolicy(opened.definition, options.policy);
    let number = 0;
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim() === '') continue;
      number++;
      const result = await handle(line, number, (event) => applyIdentityEvent(opened.connector, policy, event, number));
      if (result.outcome === 'failed' || result.outcome === 'partial') failed++;
      process.stdout.write(JSON.stringify(result) + '\n');
    }
  } finally {
    await opened.close();
  }
  return failed === 0 ? exitCodes.ok : exitCodes.failed;
}

async function handle(line: string, number: number, apply: (event: Exclude<ReturnType<typeof parseIdentityEvent>, string>) => Promise<EventResult>): Promise<EventResult> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { event: number, outcome: 'failed', error: { kind: 'InvalidEvent', message: `line ${number} is not JSON: ${(error as Error).message}` } };
  }
  const event = parseIdentityEvent(value);
  if (typeof event === 'string') return { event: number, outcome: 'failed', error: { kind: 'InvalidEvent', message: event } };
  try {
    return await apply(event);
  } catch (error) {
    const json = toErrorJson(error);
    return { event: number, type: event.type, outcome: 'failed', error: { kind: String(json.kind), message: String(json.message) } };
  }
}
