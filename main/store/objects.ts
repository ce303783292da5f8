import type { Statement } from 'better-sqlite3';
import type {
  CountDimension,
  ObjectPage,
  ObjectPageQuery,
  ObjectSummary,
  SearchQuery,
  SearchResult,
} from '../../shared/objects/page';
import type {
  KubeObject,
  ObjectQuery,
  ObjectReader,
  ObjectRef,
  StoredObject,
} from '../../shared/objects/types';
import type { Db } from './db';
import {
  encodeCursor,
  labelMatch,
  labelTokens,
  pageSql,
  requirementsOf,
  searchSql,
  whereFor,
  type Param,
} from './object-query';
import { toRow, type ObjectRowValues, type ObjectWrite } from './object-row';
import { kindsReader } from './search-kinds';

/**
 * The object cache over one SQLite database: batched writes from informers (or a snapshot or an
 * import), and every read the views, search and inspections need. One writer per database; all
 * calls are synchronous (better-sqlite3), each write batch is one transaction.
 */

export interface ObjectKey {
  source: string;
  cluster: string;
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface ObjectScope {
  source: string;
  cluster: string;
  group: string;
  kind: string;
}

export interface ObjectStore extends ObjectReader {
  /** Inserts or updates objects in one transaction, marking them with `gen` (see sweep). */
  upsert(writes: readonly ObjectWrite[], gen?: number): void;
  /** The same, reading the writes one at a time (a list page whose items parse as they are read). */
  upsertEach(writes: Iterable<ObjectWrite>, gen?: number): void;
  /** Removes objects in one transaction. */
  remove(keys: readonly ObjectKey[]): void;
  /** Applies upserts and removals in one transaction (a batch of watch events). */
  apply(batch: {
    upserts: readonly (ObjectWrite & { gen?: number })[];
    removals: readonly ObjectKey[];
  }): void;
  /** Removes the rows of one kind that the relist marked `gen` did not see. Returns how many. */
  sweep(scope: ObjectScope, gen: number): number;
  /** Removes every row of a source (and cluster). Returns how many. */
  clear(source: string, cluster?: string): number;
  page(query: ObjectPageQuery): ObjectPage;
  search(query: SearchQuery): SearchResult;
  countBy(query: ObjectQuery, by: CountDimension): Record<string, number>;
  /** Refreshes the query planner's statistics (cheap; run after a large sync). */
  optimize(): void;
}

const SUMMARY_COLUMNS =
  'o.id, o.source, o.cluster, o.api_group, o.version, o.kind, o.namespace, o.name, o.uid, o.resource_version, ' +
  'o.labels, o.created, o.status, o.node_name, o.owner_kind, o.owner_name, o.ready, o.desired, o.restarts';
const WITH_BODY = `${SUMMARY_COLUMNS}, (SELECT json FROM object_bodies b WHERE b.id = o.id) AS body`;

interface Row {
  id: number;
  source: string;
  cluster: string;
  api_group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  resource_version: string;
  labels: string;
  created: string;
  status: string | null;
  node_name: string | null;
  owner_kind: string | null;
  owner_name: string | null;
  ready: number | null;
  desired: number | null;
  restarts: number | null;
  body?: string;
  sort_value?: Param;
}

function toSummary(row: Row): ObjectSummary {
  const out: ObjectSummary = {
    source: row.source,
    cluster: row.cluster,
    group: row.api_group,
    version: row.version,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    uid: row.uid,
    resourceVersion: row.resource_version,
    labels: JSON.parse(row.labels) as Record<string, string>,
    created: row.created,
    status: row.status,
    nodeName: row.node_name,
    ownerKind: row.owner_kind,
    ownerName: row.owner_name,
    ready: row.ready,
    desired: row.desired,
    restarts: row.restarts,
  };
  if (row.body !== undefined) out.object = JSON.parse(row.body) as KubeObject;
  return out;
}

function toStored(row: Row): StoredObject {
  return {
    source: row.source,
    cluster: row.cluster,
    group: row.api_group,
    version: row.version,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    uid: row.uid,
    resourceVersion: row.resource_version,
    labels: JSON.parse(row.labels) as Record<string, string>,
    object: JSON.parse(row.body ?? '{}') as KubeObject,
  };
}

const COUNT_COLUMN: Record<CountDimension, string> = {
  kind: 'o.kind',
  cluster: 'o.cluster',
  namespace: 'o.namespace',
  status: "COALESCE(o.status, '')",
};

/** An object's stored row (every column). */
type StoredColumns = { id: number } & Omit<ObjectRowValues, 'body'>;

/** Columns an update may change besides the resourceVersion (identity columns never change). */
const UPDATABLE = [
  'version',
  'uid',
  'labels',
  'created',
  'status',
  'node_name',
  'owner_kind',
  'owner_name',
  'ready',
  'desired',
  'restarts',
  'search',
] as const satisfies ReadonlyArray<keyof ObjectRowValues & keyof StoredColumns>;

/** The columns whose value an update changes (most watch events change none of them). */
function changedColumns(old: StoredColumns, row: ObjectRowValues): string[] {
  return UPDATABLE.filter((key) => old[key] !== row[key]);
}

const ITERATE_PAGE = 500;
/** A label selector matching at most this many rows always drives the query. */
const LABEL_DRIVE_ALWAYS = 500;
/** … otherwise it drives only when the other filters select this many times more rows. */
const LABEL_DRIVE_RATIO = 4;
const LABEL_COUNT_CAP = 50_000;
/**
 * Kinds left out of the trigram index: Events are half of a busy cluster's objects, churn
 * constantly and are reached through the object they are about, not by search.
 */
export const UNSEARCHED_KINDS: ReadonlySet<string> = new Set(['Event']);

export function createObjectStore(db: Db): ObjectStore {
  // the whole row: an update compares it first, so unchanged indexed columns are not rewritten
  const find = db.prepare<[string, string, string, string, string, string], StoredColumns>(
    `SELECT * FROM objects WHERE source = ? AND cluster = ? AND api_group = ? AND kind = ? AND namespace = ? AND name = ?`,
  );
  const insert = db.prepare<ObjectRowValues & { sync_gen: number }>(
    `INSERT INTO objects (source, cluster, api_group, version, kind, namespace, name, uid, resource_version, labels, created,
       status, node_name, owner_kind, owner_name, ready, desired, restarts, search, sync_gen)
     VALUES (@source, @cluster, @api_group, @version, @kind, @namespace, @name, @uid, @resource_version, @labels, @created,
       @status, @node_name, @owner_kind, @owner_name, @ready, @desired, @restarts, @search, @sync_gen)`,
  );
  const touch = db.prepare<[number, number]>('UPDATE objects SET sync_gen = ? WHERE id = ?');
  const putBody = db.prepare<[number, string]>('INSERT INTO object_bodies (id, json) VALUES (?, ?)');
  // in place: SQLite then rewrites only the pages of a large body whose bytes changed
  const setBody = db.prepare<[string, number]>('UPDATE object_bodies SET json = ? WHERE id = ?');
  const countLabelMatches = db.prepare<[string]>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM object_label_index WHERE object_label_index MATCH ? LIMIT ${LABEL_COUNT_CAP})`,
  );
  const putLabelIndex = db.prepare<[number, string]>(
    'INSERT INTO object_label_index (rowid, labels) VALUES (?, ?)',
  );
  const dropLabelIndex = db.prepare<[number]>('DELETE FROM object_label_index WHERE rowid = ?');
  const putSearch = db.prepare<[number, string]>('INSERT INTO objects_search (rowid, search) VALUES (?, ?)');
  const dropSearch = db.prepare<[number]>('DELETE FROM objects_search WHERE rowid = ?');
  const dropBody = db.prepare<[number]>('DELETE FROM object_bodies WHERE id = ?');
  const dropRow = db.prepare<[number]>('DELETE FROM objects WHERE id = ?');
  const stale = db.prepare<[string, string, string, string, number], { id: number; kind: string }>(
    'SELECT id, kind FROM objects WHERE source = ? AND cluster = ? AND api_group = ? AND kind = ? AND sync_gen < ?',
  );
  const getRow = db.prepare<[string, string, string, string, string, string], Row>(
    `SELECT ${WITH_BODY} FROM objects o WHERE o.source = ? AND o.cluster = ? AND o.api_group = ? AND o.kind = ? AND o.namespace = ? AND o.name = ?`,
  );
  const kindsInCache = kindsReader(db);
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      if (statements.size > 500) statements.clear();
      statements.set(sql, s);
    }
    return s;
  };

  // an UPDATE rewrites the entry of every index holding a column it SETs, changed or not: set
  // only what changed (heartbeats and annotation edits then touch no index at all)
  const updateFor = (columns: readonly string[]): Statement =>
    prepared(
      `UPDATE objects SET ${['resource_version', 'sync_gen', ...columns].map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
    );

  const putLabels = (id: number, labels: string) =>
    putLabelIndex.run(id, labelTokens(JSON.parse(labels) as Record<string, string>));

  const upsertOne = (w: ObjectWrite, gen: number) => {
    const row = toRow(w);
    const old = find.get(row.source, row.cluster, row.api_group, row.kind, row.namespace, row.name);
    if (!old) {
      const id = Number(insert.run({ ...row, sync_gen: gen }).lastInsertRowid);
      putBody.run(id, row.body);
      putLabels(id, row.labels);
      if (!UNSEARCHED_KINDS.has(row.kind)) putSearch.run(id, row.search);
      return;
    }
    if (old.resource_version === row.resource_version && row.resource_version !== '') {
      touch.run(gen, old.id);
      return;
    }
    const columns = changedColumns(old, row);
    const values: Record<string, unknown> = {
      resource_version: row.resource_version,
      sync_gen: gen,
      id: old.id,
    };
    for (const c of columns) values[c] = row[c as keyof ObjectRowValues];
    updateFor(columns).run(values);
    setBody.run(row.body, old.id);
    if (old.labels !== row.labels) {
      dropLabelIndex.run(old.id);
      putLabels(old.id, row.labels);
    }
    if (old.search !== row.search) {
      if (!UNSEARCHED_KINDS.has(row.kind)) {
        dropSearch.run(old.id);
        putSearch.run(old.id, row.search);
      }
    }
  };

  // deleting a rowid from a contentless FTS5 table costs a tombstone even when it was never
  // indexed: unsearched kinds skip it
  const removeRow = ({ id, kind }: { id: number; kind: string }) => {
    dropLabelIndex.run(id);
    if (!UNSEARCHED_KINDS.has(kind)) dropSearch.run(id);
    dropBody.run(id);
    dropRow.run(id);
  };

  const removeOne = (k: ObjectKey) => {
    const old = find.get(k.source, k.cluster, k.group, k.kind, k.namespace, k.name);
    if (old) removeRow(old);
  };

  const applyTx = db.transaction(
    (upserts: Iterable<ObjectWrite>, removals: readonly ObjectKey[], gen: number) => {
      for (const w of upserts) upsertOne(w, gen);
      for (const k of removals) removeOne(k);
    },
  );
  const sweepTx = db.transaction((scope: ObjectScope, gen: number) => {
    const rows = stale.all(scope.source, scope.cluster, scope.group, scope.kind, gen);
    for (const row of rows) removeRow(row);
    return rows.length;
  });
  const clearTx = db.transaction((source: string, cluster?: string) => {
    const where = cluster === undefined ? 'source = ?' : 'source = ? AND cluster = ?';
    const params = cluster === undefined ? [source] : [source, cluster];
    const rows = db.prepare(`SELECT id, kind FROM objects WHERE ${where}`).all(...params) as Array<{
      id: number;
      kind: string;
    }>;
    for (const row of rows) removeRow(row);
    return rows.length;
  });

  /**
   * Whether a query's label match should only filter rows the other indexes find, rather than
   * drive the query: when the other filters (clusters, kinds, namespaces, node, owner) select
   * fewer than LABEL_DRIVE_RATIO times as many rows as the selector. Both counts are capped, so
   * deciding costs at most a few thousand index entries.
   */
  const labelsAsFilter = (q: ObjectPageQuery): boolean => {
    const narrowed = q.clusters || q.kinds || q.namespaces || q.nodeName !== undefined || q.owner;
    const match = narrowed ? labelMatch(requirementsOf(q)) : undefined;
    if (!match) return false;
    const labelled = (countLabelMatches.get(match) as { n: number }).n;
    if (labelled <= LABEL_DRIVE_ALWAYS) return false;
    const others = whereFor({ ...q, labelSelector: undefined });
    const cap = labelled * LABEL_DRIVE_RATIO;
    const n = (
      prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM objects o WHERE ${others.sql} LIMIT ?)`).get(
        ...others.params,
        cap,
      ) as { n: number }
    ).n;
    return n < cap;
  };

  const iterateRows = function* (query: ObjectQuery): Generator<StoredObject> {
    const where = whereFor(query);
    const sql = `SELECT ${WITH_BODY} FROM objects o WHERE (${where.sql}) AND o.id > ? ORDER BY o.id LIMIT ${ITERATE_PAGE}`;
    let last = 0;
    for (;;) {
      // a page at a time, never an open cursor: writers may run between two pages
      const rows = prepared(sql).all(...where.params, last) as Row[];
      for (const row of rows) yield toStored(row);
      if (rows.length < ITERATE_PAGE) return;
      last = rows[rows.length - 1].id;
    }
  };

  return {
    upsert(writes, gen = 0) {
      applyTx(writes, [], gen);
    },
    upsertEach(writes, gen = 0) {
      applyTx(writes, [], gen);
    },
    remove(keys) {
      applyTx([], keys, 0);
    },
    apply({ upserts, removals }) {
      applyTx(upserts, removals, 0);
    },
    sweep(scope, gen) {
      return sweepTx(scope, gen);
    },
    clear(source, cluster) {
      return clearTx(source, cluster);
    },
    iterate(query) {
      return iterateRows(query);
    },
    count(query) {
      const where = whereFor(query);
      return (
        prepared(`SELECT count(*) AS n FROM objects o WHERE ${where.sql}`).get(...where.params) as {
          n: number;
        }
      ).n;
    },
    get(ref: ObjectRef) {
      const row = getRow.get(ref.source, ref.cluster, ref.group, ref.kind, ref.namespace, ref.name);
      return row ? toStored(row) : undefined;
    },
    page(query) {
      const sql = pageSql(query, query.withObject ? WITH_BODY : SUMMARY_COLUMNS, labelsAsFilter(query));
      const rows = prepared(sql.select.sql).all(...sql.select.params) as Row[];
      const total = (prepared(sql.count.sql).get(...sql.count.params) as { n: number }).n;
      const items = rows.map(toSummary);
      const last = rows[rows.length - 1];
      const page: ObjectPage = { total, offset: sql.offset, items };
      if (rows.length === sql.limit && last?.sort_value !== undefined) {
        page.next = encodeCursor({ value: last.sort_value, id: last.id });
      }
      return page;
    },
    search(query) {
      const started = performance.now();
      const limit = Math.min(Math.max(1, query.limit ?? 50), 200);
      // the kinds in the cache, so a custom resource's name or plural filters by its kind too
      const sql = searchSql(query, SUMMARY_COLUMNS, kindsInCache());
      if (!sql) return { items: [], total: 0, elapsedMs: 0 };
      const rows = prepared(sql.prefix.sql).all(...sql.prefix.params, limit) as Row[];
      if (rows.length < limit && sql.rest) {
        const rest = sql.rest(
          rows.map((r) => r.id),
          limit - rows.length,
        );
        rows.push(...(prepared(rest.sql).all(...rest.params) as Row[]));
      }
      const total = (prepared(sql.count.sql).get(...sql.count.params) as { n: number }).n;
      return { items: rows.map(toSummary), total, elapsedMs: performance.now() - started };
    },
    optimize() {
      db.pragma('analysis_limit = 1000');
      db.pragma('optimize = 0x10002');
    },
    countBy(query, by) {
      const where = whereFor(query);
      const col = COUNT_COLUMN[by];
      const rows = prepared(
        `SELECT ${col} AS k, count(*) AS n FROM objects o WHERE ${where.sql} GROUP BY ${col}`,
      ).all(...where.params) as Array<{ k: string; n: number }>;
      return Object.fromEntries(rows.map((r) => [r.k, r.n]));
    },
  };
}
