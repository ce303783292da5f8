import { z } from 'zod';

/**
 * The .flotilla file: an SQLite database with the object schema of the live cache
 * (store/objects-schema.ts) plus the tables below. Rows keep `source` = SNAPSHOT_ROW_SOURCE and
 * `cluster` = the cluster's name (ids are local to one installation; names travel and diff).
 *
 * Format versions (FORMAT_VERSION is what this build writes; it opens every version up to it):
 *   1: objects, snapshot_meta (key/value JSON), snapshot_metrics, snapshot_logs.
 *
 * Within a version, metadata only gains optional fields: a file without one still opens (the field
 * is read as absent), and a build that predates a field ignores it, so neither needs a new version.
 * Added so far in version 1: a cluster's cpu, memory and readyNodes, then its labels.
 */

export const FORMAT_NAME = 'flotilla-snapshot';
export const FORMAT_VERSION = 1;
export const SNAPSHOT_EXTENSION = '.flotilla';
/** The `source` column of every object row inside a snapshot file. */
export const SNAPSHOT_ROW_SOURCE = 'snapshot';

export const SNAPSHOT_TABLES_SQL = `
  CREATE TABLE snapshot_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  CREATE TABLE snapshot_metrics (
    cluster TEXT NOT NULL,
    kind TEXT NOT NULL,
    namespace TEXT NOT NULL,
    name TEXT NOT NULL,
    cpu_cores REAL,
    memory_bytes REAL,
    window TEXT,
    timestamp TEXT
  ) STRICT;
  CREATE TABLE snapshot_logs (
    cluster TEXT NOT NULL,
    namespace TEXT NOT NULL,
    pod TEXT NOT NULL,
    container TEXT NOT NULL,
    text TEXT NOT NULL
  ) STRICT;
`;

export const SnapshotCluster = z.object({
  name: z.string().max(253),
  group: z.string().max(253),
  provider: z.string().max(100),
  version: z.string().max(100),
  nodes: z.number().int().nonnegative(),
  objects: z.number().int().nonnegative(),
  kinds: z.record(z.string().max(253), z.number().int().nonnegative()),
  /** Requests of the pods on its nodes over the nodes' allocatable (cores, bytes); absent in early files. */
  cpu: z.object({ requested: z.number().nonnegative(), allocatable: z.number().nonnegative() }).optional(),
  memory: z.object({ requested: z.number().nonnegative(), allocatable: z.number().nonnegative() }).optional(),
  readyNodes: z.number().int().nonnegative().optional(),
  /** The cluster's labels in the fleet that captured it; absent in early files (read as none). */
  labels: z.record(z.string().max(317), z.string().max(63)).optional(),
});
export type SnapshotCluster = z.infer<typeof SnapshotCluster>;

export const SnapshotIncludes = z.object({
  secretValues: z.boolean(),
  events: z.boolean(),
  metrics: z.boolean(),
  logs: z.boolean(),
});
export type SnapshotIncludes = z.infer<typeof SnapshotIncludes>;

/** Everything snapshot_meta holds, checked when a file is opened (a file is untrusted input). */
export const SnapshotMeta = z.object({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.number().int().positive(),
  takenAt: z.string().max(100),
  flotillaVersion: z.string().max(100),
  /** What was captured, e.g. "cluster tkg-01", "group prod", "workspace shop", "fleet". */
  scope: z.string().max(600),
  clusters: z.array(SnapshotCluster).max(10_000),
  kinds: z.array(z.string().max(253)).max(10_000),
  objects: z.number().int().nonnegative(),
  includes: SnapshotIncludes,
  /** Free text: how it was made (the sample notes what varies between two runs). */
  note: z.string().max(4000).optional(),
});
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

/** The key/value rows of snapshot_meta for a metadata object. */
export function metaRows(meta: SnapshotMeta): Array<[string, string]> {
  return Object.entries(meta)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, JSON.stringify(v)]);
}

/** A file that is not a snapshot this build can open; the message names the file and the problem. */
export class SnapshotError extends Error {
  constructor(
    readonly file: string,
    readonly problem:
      'missing' | 'not-sqlite' | 'truncated' | 'corrupt' | 'not-snapshot' | 'too-new' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** Label shown in the banner and the source picker: "Snapshot of tkg-01, aks-prod". */
export function snapshotLabel(meta: Pick<SnapshotMeta, 'clusters' | 'scope'>): string {
  const names = meta.clusters.map((c) => c.name);
  if (names.length === 0) return `Snapshot of ${meta.scope || 'an empty fleet'}`;
  const shown = names.slice(0, 3).join(', ');
  return `Snapshot of ${shown}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
}
