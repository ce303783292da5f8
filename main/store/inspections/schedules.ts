import type { Db } from '../db';
import type { ScheduleRecord } from './types';

interface ScheduleRow {
  id: string;
  scope_key: string;
  scope: string;
  label: string;
  every: string;
  enabled: number;
  created_at: string;
  last_run_at: string | null;
  last_run_id: string | null;
}

/** Inspection schedules: what to inspect how often, and the last run each started. */
export function createScheduleQueries(db: Db) {
  return {
    schedules(): ScheduleRecord[] {
      const rows = db
        .prepare('SELECT * FROM inspection_schedules ORDER BY created_at, id')
        .all() as ScheduleRow[];
      return rows.map((r) => ({
        id: r.id,
        scopeKey: r.scope_key,
        scope: JSON.parse(r.scope) as unknown,
        label: r.label,
        every: JSON.parse(r.every) as unknown,
        enabled: r.enabled === 1,
        createdAt: r.created_at,
        ...(r.last_run_at ? { lastRunAt: r.last_run_at } : {}),
        ...(r.last_run_id ? { lastRunId: r.last_run_id } : {}),
      }));
    },
    upsertSchedule(s: ScheduleRecord): void {
      db.prepare(
        `INSERT INTO inspection_schedules (id, scope_key, scope, label, every, enabled, created_at, last_run_at, last_run_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET scope_key = excluded.scope_key, scope = excluded.scope,
           label = excluded.label, every = excluded.every, enabled = excluded.enabled`,
      ).run(
        s.id,
        s.scopeKey,
        JSON.stringify(s.scope),
        s.label,
        JSON.stringify(s.every),
        s.enabled ? 1 : 0,
        s.createdAt,
        s.lastRunAt ?? null,
        s.lastRunId ?? null,
      );
    },
    markScheduleRun(id: string, at: string, runId: string): void {
      db.prepare('UPDATE inspection_schedules SET last_run_at = ?, last_run_id = ? WHERE id = ?').run(
        at,
        runId,
        id,
      );
    },
    deleteSchedule(id: string): boolean {
      return db.prepare('DELETE FROM inspection_schedules WHERE id = ?').run(id).changes > 0;
    },
  };
}
