import type { Db } from '../db';
import { createFindingWriter } from './findings';
import type { RunIndex } from './run-index';
import type { CheckMeta, FindingInput, ResultCounts, RunRecord } from './types';

interface RunRow {
  id: string;
  scope_key: string;
  scope: string;
  label: string;
  kind: string;
  status: string;
  sets: string;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  message: string | null;
  objects: number;
  checks_run: number;
  score: number;
  grade: string;
  results: string;
  findings: number;
  danger: number;
  warning: number;
  info: number;
  by_category: string;
  checks: string;
}

const toRun = (r: RunRow): RunRecord => ({
  id: r.id,
  scopeKey: r.scope_key,
  scope: JSON.parse(r.scope) as unknown,
  label: r.label,
  kind: 'lite',
  status: r.status as RunRecord['status'],
  sets: JSON.parse(r.sets) as string[],
  trigger: r.trigger,
  startedAt: r.started_at,
  ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
  ...(r.message ? { message: r.message } : {}),
  objects: r.objects,
  checksRun: r.checks_run,
  score: r.score,
  grade: r.grade,
  results: JSON.parse(r.results) as ResultCounts,
  findings: r.findings,
  bySeverity: { danger: r.danger, warning: r.warning, info: r.info },
  byCategory: JSON.parse(r.by_category) as Record<string, number>,
});

/** A run's life (started, completed with its findings, ended, pruned, deleted) and the runs list. */
export function createRunQueries(db: Db, index: RunIndex) {
  const { numOf } = index;
  const findingWriter = createFindingWriter(db);

  return {
    insertRun(r: Pick<RunRecord, 'id' | 'scopeKey' | 'scope' | 'label' | 'sets' | 'trigger' | 'startedAt'>) {
      db.prepare(
        `INSERT INTO inspection_runs (id, scope_key, scope, label, status, sets, trigger, started_at, num)
         VALUES (?, ?, ?, ?, 'running', ?, ?, ?, (SELECT COALESCE(MAX(num), 0) + 1 FROM inspection_runs))`,
      ).run(
        r.id,
        r.scopeKey,
        JSON.stringify(r.scope),
        r.label,
        JSON.stringify(r.sets),
        r.trigger,
        r.startedAt,
      );
    },

    /**
     * Stores a finished run's findings and results. Findings go in chunks, each its own transaction,
     * with the event loop free between them (a large run must not stall the app); the run turns
     * 'done' only with the last write. On an error or abort the findings written so far are removed.
     */
    async completeRun(
      id: string,
      done: {
        finishedAt: string;
        objects: number;
        checksRun: number;
        score: number;
        grade: string;
        results: ResultCounts;
        checks: Record<string, CheckMeta>;
        findings: readonly FindingInput[];
      },
      options: { chunk?: number; signal?: AbortSignal } = {},
    ): Promise<void> {
      const bySev = { danger: 0, warning: 0, info: 0 };
      const byCategory: Record<string, number> = {};
      const num = numOf(id);
      const chunk = options.chunk ?? 5000;
      const insertChunk = findingWriter(num);
      try {
        for (let i = 0; i < done.findings.length; i += chunk) {
          options.signal?.throwIfAborted();
          insertChunk(done.findings.slice(i, i + chunk));
          if (i + chunk < done.findings.length) await new Promise((r) => setImmediate(r));
        }
        options.signal?.throwIfAborted();
      } catch (error) {
        db.prepare('DELETE FROM inspection_findings WHERE run = ?').run(num);
        throw error;
      }
      for (const f of done.findings) {
        bySev[f.severity]++;
        byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
      }
      db.prepare(
        `UPDATE inspection_runs SET status = 'done', finished_at = ?, objects = ?, checks_run = ?, score = ?, grade = ?,
           results = ?, findings = ?, danger = ?, warning = ?, info = ?, by_category = ?, checks = ?
         WHERE id = ?`,
      ).run(
        done.finishedAt,
        done.objects,
        done.checksRun,
        done.score,
        done.grade,
        JSON.stringify(done.results),
        done.findings.length,
        bySev.danger,
        bySev.warning,
        bySev.info,
        JSON.stringify(byCategory),
        JSON.stringify(done.checks),
        id,
      );
      index.forgetChecks(id);
    },

    /** Ends a run without results (failed or cancelled). */
    endRun(id: string, status: 'failed' | 'cancelled', finishedAt: string, message?: string): void {
      db.prepare('UPDATE inspection_runs SET status = ?, finished_at = ?, message = ? WHERE id = ?').run(
        status,
        finishedAt,
        message ?? null,
        id,
      );
    },

    /** Runs left 'running' by a previous process (closed mid-run) become failed. */
    failInterrupted(at: string): number {
      return db
        .prepare(
          "UPDATE inspection_runs SET status = 'failed', finished_at = ?, message = 'Flotilla closed during the run' WHERE status = 'running'",
        )
        .run(at).changes;
    },

    getRun(id: string): RunRecord | undefined {
      const row = db.prepare('SELECT * FROM inspection_runs WHERE id = ?').get(id) as RunRow | undefined;
      return row ? toRun(row) : undefined;
    },

    /** Newest first. */
    listRuns(q: { scopeKey?: string; status?: RunRecord['status']; limit: number }): RunRecord[] {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.scopeKey) {
        where.push('scope_key = ?');
        params.push(q.scopeKey);
      }
      if (q.status) {
        where.push('status = ?');
        params.push(q.status);
      }
      const sql = `SELECT * FROM inspection_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY started_at DESC, rowid DESC LIMIT ?`;
      return (db.prepare(sql).all(...params, q.limit) as RunRow[]).map(toRun);
    },

    /**
     * Keeps the findings of the newest `keep` finished runs of a scope and removes older runs'
     * findings (their score and counts stay, for the trend). Returns the runs pruned.
     */
    pruneFindings(scopeKey: string, keep: number, note: string): string[] {
      const old = db
        .prepare(
          `SELECT id, num FROM inspection_runs WHERE scope_key = ? AND status = 'done' AND findings > 0
           ORDER BY started_at DESC, rowid DESC LIMIT -1 OFFSET ?`,
        )
        .all(scopeKey, keep) as Array<{ id: string; num: number }>;
      const pruned: string[] = [];
      for (const r of old) {
        const gone = db.prepare('DELETE FROM inspection_findings WHERE run = ?').run(r.num).changes;
        if (!gone) continue;
        db.prepare('UPDATE inspection_runs SET message = ? WHERE id = ?').run(note, r.id);
        pruned.push(r.id);
      }
      return pruned;
    },

    deleteRuns(ids: readonly string[]): number {
      return db.transaction(() => {
        let n = 0;
        for (const id of ids) {
          db.prepare('DELETE FROM inspection_findings WHERE run = ?').run(numOf(id));
          n += db.prepare('DELETE FROM inspection_runs WHERE id = ?').run(id).changes;
          index.forget(id);
        }
        return n;
      })();
    },
  };
}
