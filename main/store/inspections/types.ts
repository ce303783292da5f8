/** The records the inspection store takes and gives (its rows turned into the app's shapes). */
export type Sev = 'danger' | 'warning' | 'info';

/** Severities as stored: their rank is the findings table's first order. */
export const sevRank: Record<Sev, number> = { danger: 0, warning: 1, info: 2 };
export const sevName: Sev[] = ['danger', 'warning', 'info'];

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

/** The object a finding is about. */
interface FindingObject {
  source: string;
  cluster: string;
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

/** A stored finding: its check's words, and the object's fields flat. */
export interface FindingRecord extends FindingObject {
  checkId: string;
  set: string;
  title: string;
  severity: Sev;
  category: string;
  message: string;
  remediation: string;
  path: string;
}

/** A finding as the engine gives it, for storing. */
export interface FindingInput {
  checkId: string;
  severity: Sev;
  category: string;
  message: string;
  path: string;
  object: FindingObject;
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
