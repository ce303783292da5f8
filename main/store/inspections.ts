import type { Db } from './db';

/**
 * Inspection history: runs (one row each, with their score and counts), their findings (one row per
 * offending field, indexed for the findings table's filters and for the diff between two runs),
 * per-scope configuration, schedules and conformance (Sonobuoy) results.
 */
export const INSPECTIONS_SCHEMA_SQL = `
  CREATE TABLE inspection_runs (
    id TEXT PRIMARY KEY,
    scope_key TEXT NOT NULL,
    scope TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'lite',
    status TEXT NOT NULL,
    sets TEXT NOT NULL,
    trigger TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    message TEXT,
    objects INTEGER NOT NULL DEFAULT 0,
    checks_run INTEGER NOT NULL DEFAULT 0,
    score INTEGER NOT NULL DEFAULT 0,
    grade TEXT NOT NULL DEFAULT '',
    results TEXT NOT NULL DEFAULT '{"pass":0,"warning":0,"danger":0,"info":0}',
    findings INTEGER NOT NULL DEFAULT 0,
    danger INTEGER NOT NULL DEFAULT 0,
    warning INTEGER NOT NULL DEFAULT 0,
    info INTEGER NOT NULL DEFAULT 0,
    by_category TEXT NOT NULL DEFAULT '{}',
    checks TEXT NOT NULL DEFAULT '{}'
  ) STRICT;
  CREATE INDEX inspection_runs_scope ON inspection_runs(scope_key, started_at);
  CREATE TABLE inspection_findings (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES inspection_runs(id) ON DELETE CASCADE,
    fkey TEXT NOT NULL,
    check_id TEXT NOT NULL,
    sev INTEGER NOT NULL,
    category TEXT NOT NULL,
    message TEXT NOT NULL,
    path TEXT NOT NULL,
    source TEXT NOT NULL,
    cluster TEXT NOT NULL,
    api_group TEXT NOT NULL,
    version TEXT NOT NULL,
    kind TEXT NOT NULL,
    namespace TEXT NOT NULL,
    name TEXT NOT NULL
  ) STRICT;
  CREATE INDEX inspection_findings_sev ON inspection_findings(run_id, sev);
  CREATE INDEX inspection_findings_category ON inspection_findings(run_id, category);
  CREATE INDEX inspection_findings_check ON inspection_findings(run_id, check_id);
  CREATE INDEX inspection_findings_where ON inspection_findings(run_id, cluster, namespace);
  CREATE INDEX inspection_findings_kind ON inspection_findings(run_id, kind);
  CREATE INDEX inspection_findings_key ON inspection_findings(run_id, fkey);
  CREATE TABLE inspection_config (
    scope_key TEXT PRIMARY KEY,
    config TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE inspection_schedules (
    id TEXT PRIMARY KEY,
    scope_key TEXT NOT NULL,
    scope TEXT NOT NULL,
    label TEXT NOT NULL,
    every TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    last_run_at TEXT,
    last_run_id TEXT
  ) STRICT;
  CREATE TABLE conformance_results (
    id TEXT PRIMARY KEY,
    cluster TEXT,
    origin TEXT NOT NULL,
    mode TEXT,
    status TEXT NOT NULL,
    message TEXT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    passed INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    plugins TEXT NOT NULL DEFAULT '[]'
  ) STRICT;
`;

/**
 * Migration 7: findings keyed by a run number and a 53-bit identity hash instead of text (a run of
 * 70,000 findings took ~58 MB and ~3 s to store with text keys), with fewer, ordered indexes: the
 * table's order (severity, cluster, namespace, kind, name) is an index, every filter starts from
 * the run. Runs stored under version 6 go with their findings (no release carried them).
 */
export const INSPECTIONS_V7_SQL = `
  DROP TABLE inspection_findings;
  DELETE FROM inspection_runs;
  ALTER TABLE inspection_runs ADD COLUMN num INTEGER;
  CREATE UNIQUE INDEX inspection_runs_num ON inspection_runs(num);
  CREATE TABLE inspection_findings (
    id INTEGER PRIMARY KEY,
    run INTEGER NOT NULL,
    fkey INTEGER NOT NULL,
    check_id TEXT NOT NULL,
    sev INTEGER NOT NULL,
    category TEXT NOT NULL,
    message TEXT NOT NULL,
    path TEXT NOT NULL,
    source TEXT NOT NULL,
    cluster TEXT NOT NULL,
    api_group TEXT NOT NULL,
    version TEXT NOT NULL,
    kind TEXT NOT NULL,
    namespace TEXT NOT NULL,
    name TEXT NOT NULL
  ) STRICT;
  CREATE INDEX inspection_findings_order ON inspection_findings(run, sev, cluster, namespace, kind, name);
  CREATE INDEX inspection_findings_check ON inspection_findings(run, check_id);
  CREATE INDEX inspection_findings_where ON inspection_findings(run, cluster, namespace);
  CREATE INDEX inspection_findings_key ON inspection_findings(run, fkey);
`;

export type Sev = 'danger' | 'warning' | 'info';
const sevRank: Record<Sev, number> = { danger: 0, warning: 1, info: 2 };
const sevName: Sev[] = ['danger', 'warning', 'info'];

export interface ResultCounts {
  pass: number;
  warning: number;
  danger: number;
  info: number;
}

/** What a run's findings need from their check (kept once per run, not per finding). */
export interface CheckMeta {
  title: string;
  remediation: string;
  set: string;
}

export interface RunRecord {
  id: string;
  scopeKey: string;
  /** The scope as given (JSON-able). */
  scope: unknown;
  label: string;
  kind: 'lite';
  status: 'running' | 'done' | 'failed' | 'cancelled';
  sets: string[];
  trigger: string;
  startedAt: string;
  finishedAt?: string;
  message?: string;
  objects: number;
  checksRun: number;
  score: number;
  grade: string;
  results: ResultCounts;
  findings: number;
  bySeverity: { danger: number; warning: number; info: number };
  byCategory: Record<string, number>;
}

export interface FindingRecord {
  checkId: string;
  set: string;
  title: string;
  severity: Sev;
  category: string;
  message: string;
  remediation: string;
  path: string;
  source: string;
  cluster: string;
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

/** A finding as the engine gives it, for storing. */
export interface FindingInput {
  checkId: string;
  severity: Sev;
  category: string;
  message: string;
  path: string;
  object: {
    source: string;
    cluster: string;
    group: string;
    version: string;
    kind: string;
    namespace: string;
    name: string;
  };
}

export interface FindingFilter {
  severity?: Sev[];
  category?: string[];
  checkId?: string[];
  cluster?: string[];
  namespace?: string[];
  kind?: string[];
  text?: string;
}

export interface CountRowRecord {
  key: string;
  /** For 'check' rows: the check's category and highest severity in the run. */
  category: string;
  sev: number;
  cluster: string;
  namespace: string;
  danger: number;
  warning: number;
  info: number;
}

export interface ScheduleRecord {
  id: string;
  scopeKey: string;
  scope: unknown;
  label: string;
  every: unknown;
  enabled: boolean;
  createdAt: string;
  lastRunAt?: string;
  lastRunId?: string;
}

export interface ConformanceRecord {
  id: string;
  cluster?: string;
  origin: 'run' | 'import';
  mode?: 'quick' | 'non-disruptive';
  status: 'running' | 'done' | 'failed' | 'cancelled';
  message?: string;
  startedAt: string;
  finishedAt?: string;
  passed: number;
  failed: number;
  skipped: number;
  plugins: unknown[];
}

/** Identity of a finding across runs (the source id is left out so two captures of a cluster compare). */
export const findingIdentity = (f: FindingInput) =>
  [
    f.checkId,
    f.object.cluster,
    f.object.group,
    f.object.kind,
    f.object.namespace,
    f.object.name,
    f.path,
  ].join('\u0000');

/** A 53-bit hash of a string (two 32-bit FNV-1a variants): an exact SQLite integer, cheap to index. */
export function hash53(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

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

interface FindingRow {
  check_id: string;
  sev: number;
  category: string;
  message: string;
  path: string;
  source: string;
  cluster: string;
  api_group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
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

/** WHERE clause (after run_id = ?) and its parameters for a filter. */
function filterSql(f: FindingFilter, alias = ''): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const inList = (col: string, values: readonly (string | number)[] | undefined) => {
    if (!values?.length) return;
    parts.push(`${alias}${col} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  inList(
    'sev',
    f.severity?.map((s) => sevRank[s]),
  );
  inList('category', f.category);
  inList('check_id', f.checkId);
  inList('cluster', f.cluster);
  inList('namespace', f.namespace);
  inList('kind', f.kind);
  const text = f.text?.trim().toLowerCase();
  if (text) {
    parts.push(
      `(instr(lower(${alias}name), ?) > 0 OR instr(lower(${alias}namespace), ?) > 0 OR instr(lower(${alias}message), ?) > 0 OR instr(lower(${alias}check_id), ?) > 0)`,
    );
    params.push(text, text, text, text);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** The findings table's order; `id` (insertion order: object, then check) keeps it served by an index. */
const ORDER = 'ORDER BY sev, cluster, namespace, kind, name, id';

export function createInspectionStore(db: Db) {
  const nums = new Map<string, number>();
  /** The run's number (findings are keyed by it); -1 for an unknown run (matches nothing). */
  const numOf = (runId: string): number => {
    let n = nums.get(runId);
    if (n === undefined) {
      const row = db.prepare('SELECT num FROM inspection_runs WHERE id = ?').get(runId) as
        { num: number } | undefined;
      if (!row) return -1;
      n = row.num;
      nums.set(runId, n);
    }
    return n;
  };
  const checksOf = new Map<string, Record<string, CheckMeta>>();
  const runChecks = (runId: string): Record<string, CheckMeta> => {
    let c = checksOf.get(runId);
    if (!c) {
      const row = db.prepare('SELECT checks FROM inspection_runs WHERE id = ?').get(runId) as
        { checks: string } | undefined;
      c = row ? (JSON.parse(row.checks) as Record<string, CheckMeta>) : {};
      if (row) checksOf.set(runId, c);
    }
    return c;
  };
  const toFinding = (runId: string, r: FindingRow): FindingRecord => {
    const meta = runChecks(runId)[r.check_id];
    return {
      checkId: r.check_id,
      set: meta?.set ?? 'polaris',
      title: meta?.title ?? r.check_id,
      severity: sevName[r.sev]!,
      category: r.category,
      message: r.message,
      remediation: meta?.remediation ?? '',
      path: r.path,
      source: r.source,
      cluster: r.cluster,
      group: r.api_group,
      version: r.version,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
    };
  };
  const insertFinding = db.prepare(
    `INSERT INTO inspection_findings (run, fkey, check_id, sev, category, message, path, source, cluster,
       api_group, version, kind, namespace, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    /** Title, remediation and set of each check that has findings in the run. */
    checkMeta: runChecks,

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

    /** Stores a finished run's results and findings in one transaction. */
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
      const insertChunk = db.transaction((part: readonly FindingInput[]) => {
        for (const f of part) {
          const o = f.object;
          insertFinding.run(
            num,
            hash53(findingIdentity(f)),
            f.checkId,
            sevRank[f.severity],
            f.category,
            f.message,
            f.path,
            o.source,
            o.cluster,
            o.group,
            o.version,
            o.kind,
            o.namespace,
            o.name,
          );
        }
      });
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
      checksOf.delete(id);
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

    /** False when a run had findings but they were pruned. */
    hasFindings(runId: string): boolean {
      const run = db.prepare('SELECT findings FROM inspection_runs WHERE id = ?').get(runId) as
        { findings: number } | undefined;
      if (!run || run.findings === 0) return true;
      return !!db.prepare('SELECT 1 FROM inspection_findings WHERE run = ? LIMIT 1').get(numOf(runId));
    },

    deleteRuns(ids: readonly string[]): number {
      return db.transaction(() => {
        let n = 0;
        for (const id of ids) {
          db.prepare('DELETE FROM inspection_findings WHERE run = ?').run(numOf(id));
          nums.delete(id);
          n += db.prepare('DELETE FROM inspection_runs WHERE id = ?').run(id).changes;
          checksOf.delete(id);
        }
        return n;
      })();
    },

    /** Finding counts per severity grouped by cluster, cluster+namespace, or check. */
    countsBy(runId: string, by: 'cluster' | 'namespace' | 'check'): CountRowRecord[] {
      const cols =
        by === 'cluster'
          ? "cluster, '' AS namespace, cluster AS key"
          : by === 'namespace'
            ? "cluster, namespace, cluster || '/' || namespace AS key"
            : "'' AS cluster, '' AS namespace, check_id AS key";
      const group = by === 'cluster' ? 'cluster' : by === 'namespace' ? 'cluster, namespace' : 'check_id';
      return db
        .prepare(
          `SELECT ${cols}, MIN(category) AS category, MIN(sev) AS sev, SUM(sev = 0) AS danger, SUM(sev = 1) AS warning, SUM(sev = 2) AS info
           FROM inspection_findings WHERE run = ? GROUP BY ${group}
           ORDER BY danger DESC, warning DESC, info DESC, key`,
        )
        .all(numOf(runId)) as CountRowRecord[];
    },

    findings(
      runId: string,
      filter: FindingFilter,
      offset: number,
      limit: number,
    ): { total: number; items: FindingRecord[] } {
      const f = filterSql(filter);
      const total = (
        db
          .prepare(`SELECT COUNT(*) AS n FROM inspection_findings WHERE run = ?${f.sql}`)
          .get(numOf(runId), ...f.params) as { n: number }
      ).n;
      const rows = db
        .prepare(`SELECT * FROM inspection_findings WHERE run = ?${f.sql} ${ORDER} LIMIT ? OFFSET ?`)
        .all(numOf(runId), ...f.params, limit, offset) as FindingRow[];
      return { total, items: rows.map((r) => toFinding(runId, r)) };
    },

    /** Every finding of a run (exports), in the table's order. */
    *allFindings(runId: string): Generator<FindingRecord> {
      const stmt = db.prepare(`SELECT * FROM inspection_findings WHERE run = ? ${ORDER}`);
      for (const r of stmt.iterate(numOf(runId)) as Iterable<FindingRow>) yield toFinding(runId, r);
    },

    /**
     * Diff of run b against run a: new (in b only), fixed (in a only), unchanged (in both, b's rows);
     * counts for all three and a page of the one asked for, filtered.
     */
    diff(
      a: string,
      b: string,
      status: 'new' | 'fixed' | 'unchanged',
      filter: FindingFilter,
      offset: number,
      limit: number,
    ) {
      const exists = 'EXISTS (SELECT 1 FROM inspection_findings g WHERE g.run = ? AND g.fkey = f.fkey)';
      const count = (run: string, other: string, present: boolean) =>
        (
          db
            .prepare(
              `SELECT COUNT(*) AS n FROM inspection_findings f WHERE f.run = ? AND ${present ? '' : 'NOT '}${exists}`,
            )
            .get(numOf(run), numOf(other)) as { n: number }
        ).n;
      const counts = { new: count(b, a, false), fixed: count(a, b, false), unchanged: count(b, a, true) };
      const [run, other, present] =
        status === 'new' ? [b, a, false] : status === 'fixed' ? [a, b, false] : [b, a, true];
      const fs = filterSql(filter, 'f.');
      const cond = `f.run = ? AND ${present ? '' : 'NOT '}${exists}${fs.sql}`;
      const total = (
        db
          .prepare(`SELECT COUNT(*) AS n FROM inspection_findings f WHERE ${cond}`)
          .get(numOf(run), numOf(other), ...fs.params) as { n: number }
      ).n;
      const rows = db
        .prepare(
          `SELECT f.* FROM inspection_findings f WHERE ${cond}
           ORDER BY f.sev, f.cluster, f.namespace, f.kind, f.name, f.id LIMIT ? OFFSET ?`,
        )
        .all(numOf(run), numOf(other), ...fs.params, limit, offset) as FindingRow[];
      return { counts, total, items: rows.map((r) => toFinding(run, r)) };
    },

    getConfig(scopeKey: string): unknown {
      const row = db.prepare('SELECT config FROM inspection_config WHERE scope_key = ?').get(scopeKey) as
        { config: string } | undefined;
      return row ? (JSON.parse(row.config) as unknown) : undefined;
    },
    setConfig(scopeKey: string, config: unknown, at: string): void {
      db.prepare(
        `INSERT INTO inspection_config (scope_key, config, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (scope_key) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
      ).run(scopeKey, JSON.stringify(config), at);
    },

    schedules(): ScheduleRecord[] {
      const rows = db.prepare('SELECT * FROM inspection_schedules ORDER BY created_at, id').all() as Array<{
        id: string;
        scope_key: string;
        scope: string;
        label: string;
        every: string;
        enabled: number;
        created_at: string;
        last_run_at: string | null;
        last_run_id: string | null;
      }>;
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
        Record<string, string | number | null> | undefined;
      return r ? toConformance(r, true) : undefined;
    },
    conformanceList(): ConformanceRecord[] {
      const rows = db
        .prepare(
          'SELECT id, cluster, origin, mode, status, message, started_at, finished_at, passed, failed, skipped FROM conformance_results ORDER BY started_at DESC',
        )
        .all() as Array<Record<string, string | number | null>>;
      return rows.map((r) => toConformance(r, false));
    },
  };
}

function toConformance(r: Record<string, string | number | null>, withPlugins: boolean): ConformanceRecord {
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

export type InspectionStore = ReturnType<typeof createInspectionStore>;
