import { z } from 'zod';

/**
 * Data sources besides the live fleet: snapshots (.flotilla files, opened read-only) and imported
 * manifests (a "virtual cluster"). Each open source has an id used as the `source` of every object
 * query ('snapshot:<id>', 'manifests:<id>'), so every view works on it unchanged. Also: capture,
 * diff between two sources, applying imported manifests to a live cluster, and export as YAML.
 */

const id = z.string().min(1).max(200);
const path = z.string().min(1).max(4096);
const list = (max: number) => z.array(z.string().max(253)).max(max);

/** One cluster as a snapshot or an import knows it (no credentials, nothing live). */
export const SourceCluster = z.object({
  name: z.string(),
  group: z.string(),
  provider: z.string(),
  version: z.string(),
  nodes: z.number().int().nonnegative(),
  objects: z.number().int().nonnegative(),
});
export type SourceCluster = z.infer<typeof SourceCluster>;

export const SourceView = z.object({
  /** The `source` value for object queries: 'live', 'snapshot:<id>' or 'manifests:<id>'. */
  id: z.string(),
  kind: z.enum(['live', 'snapshot', 'manifests']),
  /** For the banner and the source picker, e.g. "Snapshot of tkg-01, aks-prod-eastus". */
  label: z.string(),
  /** The file or folder it was opened from. */
  file: z.string().optional(),
  /** ISO time the snapshot was taken, or the manifests imported. */
  takenAt: z.string().optional(),
  flotillaVersion: z.string().optional(),
  clusters: z.array(SourceCluster),
  kinds: z.array(z.string()),
  objects: z.number().int().nonnegative(),
  /** What a snapshot holds besides objects. */
  includes: z.object({
    secretValues: z.boolean(),
    events: z.boolean(),
    metrics: z.boolean(),
    logs: z.boolean(),
  }),
  readOnly: z.boolean(),
});
export type SourceView = z.infer<typeof SourceView>;

/** What to capture: the whole fleet, a cluster group, a cluster, or a workspace. */
export const CaptureScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fleet') }).strict(),
  z.object({ kind: z.literal('group'), name: z.string().min(1).max(253) }).strict(),
  z.object({ kind: z.literal('cluster'), name: z.string().min(1).max(253) }).strict(),
  z.object({ kind: z.literal('workspace'), name: z.string().min(1).max(253) }).strict(),
]);
export type CaptureScope = z.infer<typeof CaptureScope>;

export const CaptureInput = z
  .object({
    scope: CaptureScope,
    /** Where to write; default: <data folder>/snapshots/<scope>-<time>.flotilla. */
    path: path.optional(),
    includeSecretValues: z.boolean().default(false),
    includeEvents: z.boolean().default(true),
    includeMetrics: z.boolean().default(false),
    includeLogs: z.boolean().default(false),
    /** Free text kept in the file's metadata (how it was made, what it is for). */
    note: z.string().max(4000).optional(),
  })
  .strict();

export const CaptureProgress = z.object({
  taskId: z.string(),
  phase: z.enum(['reading', 'writing', 'done', 'failed', 'cancelled']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The written file (phase done) or why it failed. */
  path: z.string().optional(),
  message: z.string().optional(),
});
export type CaptureProgress = z.infer<typeof CaptureProgress>;

/** A problem with one input file: its name, and line/column when known. */
export const FileIssue = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  level: z.enum(['error', 'warning']),
  message: z.string(),
});
export type FileIssue = z.infer<typeof FileIssue>;

export const InventoryRow = z.object({ kind: z.string(), namespace: z.string(), count: z.number().int() });

export const ImportResult = z.object({
  source: SourceView,
  inventory: z.array(InventoryRow),
  issues: z.array(FileIssue),
});
export type ImportResult = z.infer<typeof ImportResult>;

const DiffScope = {
  clusters: list(1000).optional(),
  kinds: list(200).optional(),
  namespaces: list(5000).optional(),
  /** Show resourceVersion, managedFields, status timestamps and the like (hidden by default). */
  showNoise: z.boolean().default(false),
};

export const DiffQuery = z.object({ a: id, b: id, ...DiffScope }).strict();

export const DiffChange = z.object({
  change: z.enum(['added', 'removed', 'changed']),
  cluster: z.string(),
  group: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** Changed field paths (for 'changed'), e.g. "spec.replicas". */
  fields: z.array(z.string()),
});
export type DiffChange = z.infer<typeof DiffChange>;

export const DiffSummaryRow = z.object({
  cluster: z.string(),
  kind: z.string(),
  namespace: z.string(),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
});

export const DiffResult = z.object({
  a: z.string(),
  b: z.string(),
  totals: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
  summary: z.array(DiffSummaryRow),
  changes: z.array(DiffChange),
  /** True when `changes` was cut at its limit (the totals are still whole). */
  truncated: z.boolean(),
});
export type DiffResult = z.infer<typeof DiffResult>;

export const ObjectDiffQuery = z
  .object({
    a: id,
    b: id,
    cluster: z.string().max(253),
    group: z.string().max(253),
    kind: z.string().max(253),
    namespace: z.string().max(253),
    name: z.string().max(253),
    showNoise: z.boolean().default(false),
  })
  .strict();

export const ObjectDiff = z.object({
  /** The object in A and in B as YAML with noise removed ('' when absent on that side). */
  before: z.string(),
  after: z.string(),
  fields: z.array(
    z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() }),
  ),
});

export const ApplyManifestsInput = z
  .object({
    /** A 'manifests:<id>' source. */
    source: id,
    /** The live cluster id to apply to. */
    cluster: z.string().min(1).max(253),
    /** Only the server-side dry run (the first step); apply runs the dry run again first. */
    dryRunOnly: z.boolean().default(true),
  })
  .strict();

export const ApplyObjectResult = z.object({
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** created / configured / unchanged on apply (or on dry run: would be …), failed. */
  outcome: z.enum(['created', 'configured', 'unchanged', 'failed', 'skipped']),
  message: z.string().optional(),
});

export const ApplyManifestsResult = z.object({
  dryRun: z.boolean(),
  ok: z.boolean(),
  results: z.array(ApplyObjectResult),
});

export const ExportInput = z
  .object({
    source: id.default('live'),
    clusters: list(1000).optional(),
    namespaces: list(5000).optional(),
    /** A workspace's namespaces (live source). */
    workspace: z.string().max(253).optional(),
    /** Explicit objects (a selection). */
    refs: z
      .array(
        z.object({
          cluster: z.string(),
          group: z.string(),
          kind: z.string(),
          namespace: z.string(),
          name: z.string(),
        }),
      )
      .max(10_000)
      .optional(),
    layout: z.enum(['file', 'folder']).default('file'),
    /** Write there (a file for 'file', a folder for 'folder'); otherwise return the text only. */
    path: path.optional(),
  })
  .strict();

export const ExportResult = z.object({
  files: z.array(z.object({ path: z.string(), text: z.string(), objects: z.number().int() })),
  objects: z.number().int(),
  written: z.boolean(),
});

const empty = z.object({}).strict();

export const sourceCalls = {
  /** Every open source, live first. */
  'sources.list': { input: empty, output: z.array(SourceView) },
  /** Closes a snapshot or import (its rows leave the cache; the file is untouched). */
  'sources.close': { input: z.object({ id }).strict(), output: z.object({ closed: z.boolean() }) },
  /**
   * Opens a .flotilla file read-only; errors name the file and what is wrong with it. Browser mode
   * cannot give a dropped file's path: it sends the file's name and bytes, written to the data
   * folder first (snapshots/opened/).
   */
  'snapshots.open': {
    input: z.union([
      z.object({ path }).strict(),
      z
        .object({
          name: z.string().min(1).max(255),
          /** The file's bytes, base64 (at most 512 MiB of snapshot). */
          dataBase64: z.string().min(1).max(716_000_000),
        })
        .strict(),
    ]),
    output: SourceView,
  },
  /** Opens the sample snapshot of the demo fleet that ships in resources/. */
  'snapshots.openSample': { input: empty, output: SourceView },
  'snapshots.capture': { input: CaptureInput, output: z.object({ taskId: z.string() }) },
  'snapshots.cancel': {
    input: z.object({ taskId: z.string() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'snapshots.diff': { input: DiffQuery, output: DiffResult },
  'snapshots.diffObject': { input: ObjectDiffQuery, output: ObjectDiff },
  /** Imports dropped or picked manifests (text, or paths to files and folders) as a virtual cluster. */
  'manifests.import': {
    input: z
      .object({
        files: z
          .array(z.object({ name: z.string().max(4096), text: z.string() }))
          .max(10_000)
          .optional(),
        paths: z.array(path).max(1000).optional(),
        label: z.string().max(200).optional(),
      })
      .strict(),
    output: ImportResult,
  },
  'manifests.apply': { input: ApplyManifestsInput, output: ApplyManifestsResult },
  'export.yaml': { input: ExportInput, output: ExportResult },
} as const;

export const sourceEvents = {
  'sources.changed': z.object({ sources: z.array(z.string()) }),
  'snapshots.progress': CaptureProgress,
} as const;
