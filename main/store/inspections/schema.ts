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
