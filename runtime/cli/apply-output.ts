// Human output of `apply`: one row per identity (plan or outcome) and a summary line.
import type { IdentityOutcome, IdentityPlan } from '../provision/plan-types.js';
import type { ApplyReport } from '../provision/report.js';

function changes(plan: IdentityPlan): string {
  const parts: string[] = [];
  if (plan.attributes) parts.push(Object.keys(plan.attributes).join(', '));
  for (const special of plan.specials ?? []) {
    const bits = [
      ...(special.add?.length ? [`+${special.add.length}`] : []),
      ...(special.remove?.length ? [`-${special.remove.length}`] : []),
      ...(special.set !== undefined ? [special.set === null ? 'clear' : `= ${special.set}`] : []),
    ];
    parts.push(`${special.attribute} ${bits.join(' ')}`);
  }
  if (plan.error) parts.push(`${plan.error.kind}: ${plan.error.message}`);
  else if (plan.reason) parts.push(plan.reason);
  return parts.join('; ');
}

export function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths = rows[0]!.map((_, column) => Math.min(48, Math.max(...rows.map((row) => (row[column] ?? '').length))));
  return rows
    .map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd())
    .join('\n');
}

export function planTable(plans: readonly IdentityPlan[]): string {
  const rows = [['IDENTITY', 'ACCOUNT', 'ACTION', 'CHANGES']];
  for (const plan of plans) rows.push([plan.key, plan.name ?? '', plan.action, changes(plan)]);
  return table(rows);
}

export function outcomeTable(outcomes: readonly IdentityOutcome[]): string {
  const rows = [['IDENTITY', 'ACCOUNT', 'ACTION', 'OUTCOME', 'DETAIL']];
  for (const outcome of outcomes) {
    const failed = outcome.steps?.filter((step) => step.status === 'failed').map((step) => `${step.id}: ${String(step.error?.message ?? step.error?.kind ?? 'failed')}`) ?? [];
    const detail = outcome.error ? `${outcome.error.kind}: ${outcome.error.message}` : failed.join('; ') || (outcome.linked ? 'linked to the existing account' : '');
    rows.push([outcome.key, outcome.name ?? '', outcome.action, outcome.outcome, detail]);
  }
  return table(rows);
}

export function summaryLine(report: ApplyReport): string {
  const planned = Object.entries(report.counts.planned).filter(([, n]) => n > 0).map(([action, n]) => `${n} ${action}`).join(', ');
  const outcomes = report.counts.outcomes ? ` -> ${Object.entries(report.counts.outcomes).filter(([, n]) => n > 0).map(([outcome, n]) => `${n} ${outcome}`).join(', ')}` : '';
  return `${report.counts.identities} identities: ${planned || 'nothing'}${outcomes}${report.dryRun ? ' (dry run: nothing written)' : ''} in ${(report.durationMs / 1000).toFixed(1)} s`;
}
