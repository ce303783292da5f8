import type { Db } from '../db';
import type { ConformanceRecord } from './types';

type ConformanceRow = Record<string, string | number | null>;

function toConformance(r: ConformanceRow, withPlugins: boolean): ConformanceRecord {
  const s = (k: string) => (r[k] === null || r[k] === undefined ? undefined : String(r[k]));
  return {
    id: String(r.id),
    ...(s('cluster') ? { cluster: s('cluster') } : {}),
    origin: s('origin') as ConformanceRecord['origin'],
    ...(s('mode') ? { mode: s('mode') as ConformanceRecord['mode'] } : {}),
    status: s('status') as ConformanceRecord['status'],
    ...(s('message') ? { message: s('message') } : {}),
    startedAt: String(r.started_at),
    ...(s('finished_at') ? { finishedAt: s('finished_at') } : {}),
    passed: Number(r.passed),
    failed: Number(r.failed),
    skipped: Number(r.skipped),
    plugins: withPlugins ? (JSON.parse(String(r.plugins)) as unknown[]) : [],
  };
}

/** Conformance (Sonobuoy) results, run here or imported; the list leaves out the plugins' detail. */
export function createConformanceQueries(db: Db) {
  return {
    saveConformance(c: ConformanceRecord): void {
      db.prepare(
        `INSERT INTO conformance_results (id, cluster, origin, mode, status, message, started_at, finished_at,
           passed, failed, skipped, plugins) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, message = excluded.message,
           finished_at = excluded.finished_at, passed = excluded.passed, failed = excluded.failed,
           skipped = excluded.skipped, plugins = excluded.plugins`,
      ).run(
        c.id,
        c.cluster ?? null,
        c.origin,
        c.mode ?? null,
        c.status,
        c.message ?? null,
        c.startedAt,
        c.finishedAt ?? null,
        c.passed,
        c.failed,
        c.skipped,
        JSON.stringify(c.plugins),
      );
    },
    conformance(id: string): ConformanceRecord | undefined {
      const r = db.prepare('SELECT * FROM conformance_results WHERE id = ?').get(id) as
        ConformanceRow | undefined;
      return r ? toConformance(r, true) : undefined;
    },
    conformanceList(): ConformanceRecord[] {
      const rows = db
        .prepare(
          'SELECT id, cluster, origin, mode, status, message, started_at, finished_at, passed, failed, skipped FROM conformance_results ORDER BY started_at DESC',
        )
        .all() as ConformanceRow[];
      return rows.map((r) => toConformance(r, false));
    },
  };
}
