import { createHash } from 'node:crypto';
import type { KubeObject, ObjectReader, StoredObject } from '../../../shared/objects/types';
import { fieldChanges, type FieldChange } from './fields';
import { withoutNoise } from './noise';

/**
 * The difference between two data sources (two snapshots, or a snapshot and the live cache):
 * objects added, removed and changed, matched by (cluster name, group, kind, namespace, name).
 * Cluster names, not ids, identify clusters, so a snapshot compares with the clusters it was
 * taken from. Events are left out unless asked for (they come and go on their own), like noise.
 */

export interface DiffSide {
  reader: ObjectReader;
  source: string;
  /** The source's cluster keys (as stored in object rows) and their names. */
  clusters: ReadonlyMap<string, string>;
}

export interface DiffScope {
  /** Cluster names. */
  clusters?: readonly string[];
  kinds?: readonly string[];
  namespaces?: readonly string[];
  showNoise?: boolean;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ObjectChange {
  change: ChangeKind;
  cluster: string;
  group: string;
  kind: string;
  namespace: string;
  name: string;
  fields: string[];
}

export interface SummaryRow {
  cluster: string;
  kind: string;
  namespace: string;
  added: number;
  removed: number;
  changed: number;
}

export interface SourceDiff {
  a: string;
  b: string;
  totals: { added: number; removed: number; changed: number };
  summary: SummaryRow[];
  changes: ObjectChange[];
  truncated: boolean;
}

/** JSON with object keys sorted, so equal objects give equal text whatever their key order. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/** The object as compared: without noise unless `showNoise`, and without the row's own bookkeeping. */
export function comparable(object: KubeObject, showNoise: boolean): KubeObject {
  return showNoise ? object : withoutNoise(object);
}

const fingerprint = (object: KubeObject, showNoise: boolean): string =>
  createHash('sha1')
    .update(stableStringify(comparable(object, showNoise)))
    .digest('base64');

interface Entry {
  cluster: string;
  group: string;
  kind: string;
  namespace: string;
  name: string;
  /** The row's cluster key in its source, to read the object again. */
  key: string;
  print: string;
}

function* entries(side: DiffSide, scope: DiffScope): Generator<Entry> {
  const wanted = scope.clusters ? new Set(scope.clusters) : undefined;
  const clusterKeys = [...side.clusters].filter(([, name]) => !wanted || wanted.has(name)).map(([k]) => k);
  if (clusterKeys.length === 0) return;
  const showNoise = scope.showNoise ?? false;
  const skipEvents = !showNoise && !scope.kinds?.includes('Event');
  const rows = side.reader.iterate({
    source: side.source,
    clusters: clusterKeys,
    ...(scope.kinds?.length ? { kinds: [...scope.kinds] } : {}),
    ...(scope.namespaces?.length ? { namespaces: [...scope.namespaces] } : {}),
  });
  for (const row of rows) {
    if (skipEvents && row.kind === 'Event') continue;
    yield {
      cluster: side.clusters.get(row.cluster) ?? row.cluster,
      group: row.group,
      kind: row.kind,
      namespace: row.namespace,
      name: row.name,
      key: row.cluster,
      print: fingerprint(row.object, showNoise),
    };
  }
}

const identity = (e: { cluster: string; group: string; kind: string; namespace: string; name: string }) =>
  `${e.cluster}\u0000${e.group}\u0000${e.kind}\u0000${e.namespace}\u0000${e.name}`;

function read(side: DiffSide, e: Entry): StoredObject | undefined {
  return side.reader.get({
    source: side.source,
    cluster: e.key,
    group: e.group,
    version: '',
    kind: e.kind,
    namespace: e.namespace,
    name: e.name,
  });
}

/** Compares two sources. `limit` caps the listed changes (field lists included); totals are whole. */
export function diffSources(a: DiffSide, b: DiffSide, scope: DiffScope = {}, limit = 5000): SourceDiff {
  const before = new Map<string, Entry>();
  for (const e of entries(a, scope)) before.set(identity(e), e);

  const summary = new Map<string, SummaryRow>();
  const totals = { added: 0, removed: 0, changed: 0 };
  const changes: ObjectChange[] = [];
  const showNoise = scope.showNoise ?? false;
  const note = (change: ChangeKind, e: Entry, fields: () => string[]) => {
    totals[change]++;
    const at = `${e.cluster}\u0000${e.kind}\u0000${e.namespace}`;
    let row = summary.get(at);
    if (!row) {
      row = { cluster: e.cluster, kind: e.kind, namespace: e.namespace, added: 0, removed: 0, changed: 0 };
      summary.set(at, row);
    }
    row[change]++;
    if (changes.length < limit) {
      const { cluster, group, kind, namespace, name } = e;
      changes.push({ change, cluster, group, kind, namespace, name, fields: fields() });
    }
  };

  for (const e of entries(b, scope)) {
    const id = identity(e);
    const old = before.get(id);
    if (!old) {
      note('added', e, () => []);
      continue;
    }
    before.delete(id);
    if (old.print === e.print) continue;
    note('changed', e, () => {
      const x = read(a, old);
      const y = read(b, e);
      if (!x || !y) return [];
      return fieldChanges(comparable(x.object, showNoise), comparable(y.object, showNoise)).map(
        (f) => f.path,
      );
    });
  }
  for (const e of before.values()) note('removed', e, () => []);

  const order = { added: 0, removed: 1, changed: 2 };
  changes.sort(
    (x, y) =>
      x.cluster.localeCompare(y.cluster) ||
      x.kind.localeCompare(y.kind) ||
      x.namespace.localeCompare(y.namespace) ||
      x.name.localeCompare(y.name) ||
      order[x.change] - order[y.change],
  );
  const rows = [...summary.values()].sort(
    (x, y) =>
      x.cluster.localeCompare(y.cluster) ||
      x.kind.localeCompare(y.kind) ||
      x.namespace.localeCompare(y.namespace),
  );
  return {
    a: a.source,
    b: b.source,
    totals,
    summary: rows,
    changes,
    truncated: changes.length < totals.added + totals.removed + totals.changed,
  };
}

export interface ObjectIdentity {
  cluster: string;
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** One object on both sides, noise removed unless asked, with its changed fields. */
export function diffObject(
  a: DiffSide,
  b: DiffSide,
  id: ObjectIdentity,
  showNoise = false,
): { before?: KubeObject; after?: KubeObject; fields: FieldChange[] } {
  const find = (side: DiffSide) => {
    for (const [key, name] of side.clusters) {
      if (name !== id.cluster) continue;
      const row = side.reader.get({
        source: side.source,
        cluster: key,
        group: id.group,
        version: '',
        kind: id.kind,
        namespace: id.namespace,
        name: id.name,
      });
      if (row) return comparable(row.object, showNoise);
    }
    return undefined;
  };
  const before = find(a);
  const after = find(b);
  return { before, after, fields: fieldChanges(before ?? {}, after ?? {}) };
}
