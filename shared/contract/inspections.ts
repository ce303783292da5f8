import { z } from 'zod';

/**
 * Inspections (issue 7): built-in checks (Polaris best practices, Pod Security Standards, cluster
 * health) over any data source, kept as history per scope, compared, scheduled and exported; and
 * conformance runs (Sonobuoy) with imported results. Runs are asynchronous: `inspections.run`
 * returns a runId at once, `inspections.progress` reports, `inspections.finished` ends every run
 * (done, failed or cancelled).
 */

const id = z.string().min(1).max(200);
const name = z.string().min(1).max(253);
const text = z.string().max(253);
const path = z.string().min(1).max(4096);

export const InspectionSeverity = z.enum(['danger', 'warning', 'info']);
export type InspectionSeverity = z.infer<typeof InspectionSeverity>;
export const InspectionCategory = z.enum(['Security', 'Reliability', 'Efficiency', 'Cluster health']);
export type InspectionCategory = z.infer<typeof InspectionCategory>;
export const CheckSet = z.enum(['polaris', 'pss-baseline', 'pss-restricted', 'health']);
export type CheckSet = z.infer<typeof CheckSet>;

/**
 * What an inspection covers. Live scopes use ids (cluster id, group id, workspace id) as the rest of
 * the contract does; `source` inspects an opened snapshot or import ('snapshot:<id>', 'manifests:<id>').
 */
export const InspectionScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fleet') }).strict(),
  z.object({ kind: z.literal('group'), id }).strict(),
  z.object({ kind: z.literal('cluster'), id }).strict(),
  z.object({ kind: z.literal('workspace'), id }).strict(),
  z.object({ kind: z.literal('namespace'), cluster: id, namespace: name }).strict(),
  z.object({ kind: z.literal('source'), source: id }).strict(),
]);
export type InspectionScope = z.infer<typeof InspectionScope>;

/** Stable text form of a scope, used as the history key: 'fleet', 'group:<id>', 'cluster:<id>',
 * 'workspace:<id>', 'namespace:<cluster>/<ns>', 'source:<source id>'. */
export function scopeKey(scope: InspectionScope): string {
  switch (scope.kind) {
    case 'fleet':
      return 'fleet';
    case 'namespace':
      return `namespace:${scope.cluster}/${scope.namespace}`;
    case 'source':
      return `source:${scope.source}`;
    default:
      return `${scope.kind}:${scope.id}`;
  }
}

export const SeverityCounts = z.object({
  danger: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type SeverityCounts = z.infer<typeof SeverityCounts>;

export const RunStatus = z.enum(['running', 'done', 'failed', 'cancelled']);
export type RunStatus = z.infer<typeof RunStatus>;

export const InspectionRunSummary = z.object({
  id: z.string(),
  scope: InspectionScope,
  /** scopeKey(scope). */
  scopeKey: z.string(),
  /** For lists and the report title, e.g. "Cluster tkg-01" or "Snapshot of tkg-01". */
  label: z.string(),
  kind: z.literal('lite'),
  status: RunStatus,
  /** Check sets that ran. */
  sets: z.array(CheckSet),
  /** 'manual' or 'schedule:<id>'. */
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Why it failed (status failed). */
  message: z.string().optional(),
  objects: z.number().int().nonnegative(),
  /** Polaris formula, 0–100; 0 with grade '' while running or after a failure. */
  score: z.number().int().min(0).max(100),
  grade: z.string(),
  /** Per (check, object/container) results as Polaris counts them (the score's inputs). */
  results: z.object({
    pass: z.number().int().nonnegative(),
    warning: z.number().int().nonnegative(),
    danger: z.number().int().nonnegative(),
    info: z.number().int().nonnegative(),
  }),
  /** Findings (one per offending field). */
  findings: z.number().int().nonnegative(),
  bySeverity: SeverityCounts,
  /** Findings per category (keys are InspectionCategory values). */
  byCategory: z.record(z.string(), z.number().int().nonnegative()),
});
export type InspectionRunSummary = z.infer<typeof InspectionRunSummary>;

export const CountRow = z.object({
  key: z.string(),
  /** Display name (cluster name for a cluster id); same as key otherwise. */
  label: z.string(),
  danger: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type CountRow = z.infer<typeof CountRow>;

export const InspectionRunDetail = InspectionRunSummary.extend({
  byCluster: z.array(CountRow),
  /** key 'cluster/namespace' ('cluster/' for cluster-scoped objects). */
  byNamespace: z.array(CountRow.extend({ cluster: z.string(), namespace: z.string() })),
  byCheck: z.array(
    CountRow.extend({ title: z.string(), category: InspectionCategory, severity: InspectionSeverity }),
  ),
});
export type InspectionRunDetail = z.infer<typeof InspectionRunDetail>;

export const InspectionFinding = z.object({
  checkId: z.string(),
  set: CheckSet,
  title: z.string(),
  severity: InspectionSeverity,
  category: InspectionCategory,
  message: z.string(),
  remediation: z.string(),
  /** The object: open it with objects.get({source, cluster, group, version, kind, namespace, name}). */
  source: z.string(),
  cluster: z.string(),
  group: z.string(),
  version: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** JSON path of the offending field, e.g. "spec.template.spec.containers[0].securityContext.privileged". */
  path: z.string(),
});
export type InspectionFinding = z.infer<typeof InspectionFinding>;

export const FindingFilters = z
  .object({
    severity: z.array(InspectionSeverity).max(3).optional(),
    category: z.array(InspectionCategory).max(4).optional(),
    checkId: z.array(text).max(500).optional(),
    cluster: z.array(text).max(1000).optional(),
    namespace: z.array(text).max(5000).optional(),
    kind: z.array(text).max(200).optional(),
    /** Substring (case-insensitive) of name, namespace, message or check id. */
    text: text.optional(),
  })
  .strict();
export type FindingFilters = z.infer<typeof FindingFilters>;

const paging = {
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(1000).default(100),
};

export const FindingPage = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(InspectionFinding),
});
export type FindingPage = z.infer<typeof FindingPage>;

export const DiffStatus = z.enum(['new', 'fixed', 'unchanged']);
export const InspectionDiff = z.object({
  a: z.string(),
  b: z.string(),
  /** Findings in b not in a (new), in a not in b (fixed), in both (unchanged). */
  counts: z.object({
    new: z.number().int().nonnegative(),
    fixed: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
  }),
  /** The requested page of the requested status. */
  status: DiffStatus,
  page: FindingPage,
});
export type InspectionDiff = z.infer<typeof InspectionDiff>;

export const TrendPoint = z.object({
  runId: z.string(),
  time: z.string(),
  score: z.number().int(),
  grade: z.string(),
  danger: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** Per-scope configuration: checks off, severity overrides, exemptions (the engine's ConfigResolver). */
export const CheckOverride = z
  .object({ enabled: z.boolean().optional(), severity: InspectionSeverity.optional() })
  .strict();
export const InspectionExemption = z
  .object({
    /** Check ids (every check when omitted). */
    checks: z.array(text).max(500).optional(),
    namespaces: z.array(text).max(5000).optional(),
    clusters: z.array(text).max(1000).optional(),
    kinds: z.array(text).max(200).optional(),
    names: z.array(text).max(5000).optional(),
    /** Every listed label must match; value '*' means any value. */
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
    /** Why (shown in the settings list). */
    reason: z.string().max(2000).optional(),
  })
  .strict();
export type InspectionExemption = z.infer<typeof InspectionExemption>;

export const ScopeConfig = z
  .object({
    sets: z.array(CheckSet).min(1).max(4).default(['polaris', 'pss-baseline', 'pss-restricted', 'health']),
    checks: z.record(z.string(), CheckOverride).default({}),
    exemptions: z.array(InspectionExemption).max(1000).default([]),
    /** Honour polaris.fairwinds.com/exempt and …/<check>-exempt annotations. */
    polarisAnnotations: z.boolean().default(true),
  })
  .strict();
export type ScopeConfig = z.infer<typeof ScopeConfig>;

export const CheckInfo = z.object({
  id: z.string(),
  set: CheckSet,
  title: z.string(),
  category: InspectionCategory,
  severity: InspectionSeverity,
  targetKinds: z.array(z.string()),
  remediation: z.string(),
});
export type CheckInfo = z.infer<typeof CheckInfo>;

export const ScheduleEvery = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('hours'),
      hours: z
        .number()
        .int()
        .min(1)
        .max(24 * 7),
    })
    .strict(),
  /** Local time of day, "HH:MM" (24 h). */
  z
    .object({ kind: z.literal('daily'), at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (24 h)') })
    .strict(),
]);
export type ScheduleEvery = z.infer<typeof ScheduleEvery>;

export const InspectionSchedule = z.object({
  id: z.string(),
  scope: InspectionScope,
  label: z.string(),
  every: ScheduleEvery,
  enabled: z.boolean(),
  lastRunAt: z.string().optional(),
  lastRunId: z.string().optional(),
  /** Absent when disabled. */
  nextRunAt: z.string().optional(),
});
export type InspectionSchedule = z.infer<typeof InspectionSchedule>;

export const ExportFormat = z.enum(['json', 'csv', 'html']);
export const ExportInspectionResult = z.object({
  format: ExportFormat,
  /** Suggested file name, e.g. "inspection-cluster-tkg-01-2026-12-04.html". */
  fileName: z.string(),
  /** The text when no path was given. */
  text: z.string().optional(),
  /** Where it was written when a path was given. */
  path: z.string().optional(),
});

// ---- conformance (Sonobuoy) ----

export const ConformanceMode = z.enum(['quick', 'non-disruptive']);
export const ConformanceTest = z.object({
  name: z.string(),
  status: z.enum(['passed', 'failed', 'skipped']),
  /** Failure message and output (failed tests). */
  message: z.string().optional(),
  durationSeconds: z.number().nonnegative().optional(),
});
export const ConformancePlugin = z.object({
  name: z.string(),
  /** Sonobuoy's own verdict for the plugin when known ('passed', 'failed', 'complete', …). */
  status: z.string(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  /** Failed tests first, then the rest; capped at 5000 per plugin (counts stay whole). */
  tests: z.array(ConformanceTest),
});
export const ConformanceResult = z.object({
  id: z.string(),
  /** Cluster id for a run; the file name for an import. */
  cluster: z.string().optional(),
  origin: z.enum(['run', 'import']),
  mode: ConformanceMode.optional(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  message: z.string().optional(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  plugins: z.array(ConformancePlugin),
});
export type ConformanceResult = z.infer<typeof ConformanceResult>;

const empty = z.object({}).strict();

export const inspectionCalls = {
  /** Starts a lite inspection; progress and the end come as events. */
  'inspections.run': {
    input: z
      .object({
        scope: InspectionScope,
        kind: z.literal('lite').default('lite'),
        /** Check sets for this run only (default: the scope's configuration). */
        sets: z.array(CheckSet).min(1).max(4).optional(),
      })
      .strict(),
    output: z.object({ runId: z.string() }),
  },
  'inspections.cancel': {
    input: z.object({ runId: id }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Runs newest first, of one scope or all. */
  'inspections.list': {
    input: z
      .object({
        scope: InspectionScope.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.array(InspectionRunSummary),
  },
  /** The newest finished run of a scope (the cluster overview's Inspection panel), or null. */
  'inspections.latest': {
    input: z.object({ scope: InspectionScope }).strict(),
    output: InspectionRunSummary.nullable(),
  },
  'inspections.get': { input: z.object({ runId: id }).strict(), output: InspectionRunDetail },
  'inspections.delete': {
    input: z.object({ runIds: z.array(id).min(1).max(1000) }).strict(),
    output: z.object({ deleted: z.number().int() }),
  },
  'inspections.findings': {
    input: z.object({ runId: id, filters: FindingFilters.default({}), ...paging }).strict(),
    output: FindingPage,
  },
  /** a = the older run, b = the newer one. */
  'inspections.diff': {
    input: z
      .object({
        a: id,
        b: id,
        status: DiffStatus.default('new'),
        filters: FindingFilters.default({}),
        ...paging,
      })
      .strict(),
    output: InspectionDiff,
  },
  'inspections.trend': {
    input: z
      .object({ scope: InspectionScope, limit: z.number().int().min(1).max(1000).default(100) })
      .strict(),
    output: z.array(TrendPoint),
  },
  'inspections.export': {
    input: z.object({ runId: id, format: ExportFormat, path: path.optional() }).strict(),
    output: ExportInspectionResult,
  },
  /** Every built-in check (for the settings page and the finding details). */
  'inspections.checks': { input: empty, output: z.array(CheckInfo) },
  /** A scope's own configuration (the defaults when none was saved). */
  'inspections.config.get': {
    input: z.object({ scope: InspectionScope }).strict(),
    output: ScopeConfig,
  },
  'inspections.config.set': {
    input: z.object({ scope: InspectionScope, config: ScopeConfig }).strict(),
    output: ScopeConfig,
  },
  'inspections.schedules.list': { input: empty, output: z.array(InspectionSchedule) },
  /** Creates (no id) or updates a schedule. */
  'inspections.schedules.set': {
    input: z
      .object({ id: id.optional(), scope: InspectionScope, every: ScheduleEvery, enabled: z.boolean() })
      .strict(),
    output: InspectionSchedule,
  },
  'inspections.schedules.delete': {
    input: z.object({ id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  /** Whether the sonobuoy CLI is on PATH (and its version). */
  'conformance.available': {
    input: empty,
    output: z.object({ available: z.boolean(), version: z.string().optional(), message: z.string() }),
  },
  /** Starts `sonobuoy run --wait` against a live cluster; 'conformance.finished' ends it. */
  'conformance.run': {
    input: z.object({ cluster: id, mode: ConformanceMode.default('quick') }).strict(),
    output: z.object({ id: z.string() }),
  },
  /** Imports a results tarball (`sonobuoy retrieve` output), from a path or its bytes. */
  'conformance.import': {
    input: z
      .object({
        path: path.optional(),
        name: z.string().max(4096).optional(),
        dataBase64: z.string().max(400_000_000).optional(),
      })
      .strict()
      .refine((v) => !!v.path !== !!v.dataBase64, 'give either path or dataBase64'),
    output: ConformanceResult,
  },
  'conformance.get': { input: z.object({ id }).strict(), output: ConformanceResult },
  'conformance.list': {
    input: empty,
    output: z.array(
      ConformanceResult.omit({ plugins: true }).extend({
        passed: z.number().int(),
        failed: z.number().int(),
        skipped: z.number().int(),
      }),
    ),
  },
} as const;

export const inspectionEvents = {
  'inspections.progress': z.object({
    runId: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    phase: z.enum(['reading', 'inspecting', 'storing']),
  }),
  'inspections.finished': z.object({
    runId: z.string(),
    scopeKey: z.string(),
    status: RunStatus.exclude(['running']),
    message: z.string().optional(),
    score: z.number().int().optional(),
    grade: z.string().optional(),
  }),
  'conformance.progress': z.object({ id: z.string(), message: z.string() }),
  'conformance.finished': z.object({
    id: z.string(),
    status: z.enum(['done', 'failed', 'cancelled']),
    message: z.string().optional(),
  }),
} as const;
