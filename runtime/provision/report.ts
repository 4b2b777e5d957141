// The report of an apply: counts by planned action and by outcome, and one line per identity.
import type { IdentityOutcome, IdentityPlan, PlanAction } from './plan-types.js';

export interface ApplyReport {
  readonly dryRun: boolean;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly counts: {
    readonly identities: number;
    readonly planned: Readonly<Record<PlanAction, number>>;
    /** Absent for a dry run. */
    readonly outcomes?: Readonly<Record<IdentityOutcome['outcome'], number>>;
  };
  /** A dry run lists the plans, a run the outcomes. */
  readonly plans?: readonly IdentityPlan[];
  readonly identities?: readonly IdentityOutcome[];
}

export function summarize(startedAt: Date, dryRun: boolean, plans: readonly IdentityPlan[], outcomes: readonly IdentityOutcome[] | undefined): ApplyReport {
  const planned: Record<PlanAction, number> = { create: 0, restore: 0, update: 0, delete: 0, disable: 0, none: 0, error: 0 };
  for (const plan of plans) planned[plan.action]++;
  const finished = new Date();
  let counts: ApplyReport['counts'] = { identities: plans.length, planned };
  if (outcomes) {
    const byOutcome: Record<IdentityOutcome['outcome'], number> = { success: 0, partial: 0, failed: 0, unchanged: 0 };
    for (const outcome of outcomes) byOutcome[outcome.outcome]++;
    counts = { ...counts, outcomes: byOutcome };
  }
  return {
    dryRun,
    startedAt: startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - startedAt.getTime(),
    counts,
    ...(outcomes ? { identities: outcomes } : { plans }),
  };
}

/** True when every identity ended as planned (nothing failed or half done). */
export function reportSucceeded(report: ApplyReport): boolean {
  if (report.dryRun) return report.counts.planned.error === 0;
  return (report.counts.outcomes?.failed ?? 0) === 0 && (report.counts.outcomes?.partial ?? 0) === 0;
}
