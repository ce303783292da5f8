import type { Db } from '../db';
import type { CheckMeta } from './types';

/**
 * What runs and findings share: a run's number (findings are keyed by it) and its checks' titles,
 * each read once per run and kept, and forgotten when the run changes or goes.
 */
export function createRunIndex(db: Db) {
  const nums = new Map<string, number>();
  const checksOf = new Map<string, Record<string, CheckMeta>>();
  return {
    /** The run's number; -1 for an unknown run (matches nothing). */
    numOf(runId: string): number {
      let n = nums.get(runId);
      if (n === undefined) {
        const row = db.prepare('SELECT num FROM inspection_runs WHERE id = ?').get(runId) as
          { num: number } | undefined;
        if (!row) return -1;
        n = row.num;
        nums.set(runId, n);
      }
      return n;
    },
    /** Title, remediation and set of each check that has findings in the run. */
    checks(runId: string): Record<string, CheckMeta> {
      let c = checksOf.get(runId);
      if (!c) {
        const row = db.prepare('SELECT checks FROM inspection_runs WHERE id = ?').get(runId) as
          { checks: string } | undefined;
        c = row ? (JSON.parse(row.checks) as Record<string, CheckMeta>) : {};
        if (row) checksOf.set(runId, c);
      }
      return c;
    },
    /** The run's checks were rewritten: read them again next time. */
    forgetChecks(runId: string): void {
      checksOf.delete(runId);
    },
    /** The run is gone. */
    forget(runId: string): void {
      nums.delete(runId);
      checksOf.delete(runId);
    },
  };
}

export type RunIndex = ReturnType<typeof createRunIndex>;
