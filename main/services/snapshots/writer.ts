import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../store/db';
import { labelTokens } from '../../store/object-query';
import type { ObjectRowValues } from '../../store/object-row';
import { applyObjectSchema } from '../../store/objects-schema';
import { UNSEARCHED_KINDS } from '../../store/objects';
import { metaRows, SNAPSHOT_ROW_SOURCE, SNAPSHOT_TABLES_SQL, type SnapshotMeta } from './format';

/**
 * Writes a .flotilla file: rows straight into the object schema (one transaction, no lookups:
 * the file starts empty), into a temporary file beside the target that is renamed over it only
 * when everything is written. Anything else (failure, cancel) removes the temporary file.
 */

/** One object row as the cache holds it (columns of `objects`, labels as JSON, the JSON body), without its source. */
export type SnapshotRow = Omit<ObjectRowValues, 'source'>;

export interface MetricRow {
  cluster: string;
  kind: 'Node' | 'Pod';
  namespace: string;
  name: string;
  cpu: number | null;
  memory: number | null;
  window: string | null;
  timestamp: string | null;
}

export interface LogRow {
  cluster: string;
  namespace: string;
  pod: string;
  container: string;
  text: string;
}

export interface SnapshotWriter {
  /** The temporary file being written. */
  readonly temp: string;
  add(rows: readonly SnapshotRow[]): void;
  addMetrics(rows: readonly MetricRow[]): void;
  addLogs(rows: readonly LogRow[]): void;
  /** Writes the metadata, commits, and renames the file into place. */
  finish(meta: SnapshotMeta): void;
  /** Drops everything written (the temporary file is removed). */
  abort(): void;
}

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.partial`);
}

/** Starts writing the snapshot `target` (through a temporary file beside it). */
export function createSnapshotWriter(target: string): SnapshotWriter {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const temp = tempPathFor(target);
  const db: Db = new Database(temp);
  let open = true;
  const drop = () => {
    if (open) {
      open = false;
      try {
        if (db.inTransaction) db.exec('ROLLBACK');
      } finally {
        db.close();
      }
    }
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
  };
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('page_size = 4096');
    // ten indexes and two full-text indexes grow together: keep their hot pages in memory (64 MB)
    db.pragma('cache_size = -65536');
    applyObjectSchema(db);
    db.exec(SNAPSHOT_TABLES_SQL);
  } catch (error) {
    drop();
    throw error;
  }
  const insert = db.prepare<[number, ...unknown[]]>(
    `INSERT INTO objects (id, source, cluster, api_group, version, kind, namespace, name, uid, resource_version, labels,
       created, status, node_name, owner_kind, owner_name, ready, desired, restarts, search)
     VALUES (?, '${SNAPSHOT_ROW_SOURCE}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const putBody = db.prepare<[number, string]>('INSERT INTO object_bodies (id, json) VALUES (?, ?)');
  const putLabelIndex = db.prepare<[number, string]>(
    'INSERT INTO object_label_index (rowid, labels) VALUES (?, ?)',
  );
  const putSearch = db.prepare<[number, string]>('INSERT INTO objects_search (rowid, search) VALUES (?, ?)');
  const putMetric = db.prepare<unknown[]>('INSERT INTO snapshot_metrics VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const putLog = db.prepare<unknown[]>('INSERT INTO snapshot_logs VALUES (?, ?, ?, ?, ?)');
  const putMeta = db.prepare<[string, string]>(
    'INSERT OR REPLACE INTO snapshot_meta (key, value) VALUES (?, ?)',
  );
  let nextId = 0;
  db.exec('BEGIN');

  const addRows = (rows: readonly SnapshotRow[]) => {
    for (const r of rows) {
      const id = ++nextId;
      insert.run(
        id,
        r.cluster,
        r.api_group,
        r.version,
        r.kind,
        r.namespace,
        r.name,
        r.uid,
        r.resource_version,
        r.labels,
        r.created,
        r.status,
        r.node_name,
        r.owner_kind,
        r.owner_name,
        r.ready,
        r.desired,
        r.restarts,
        r.search,
      );
      putBody.run(id, r.body);
      putLabelIndex.run(id, labelTokens(JSON.parse(r.labels) as Record<string, string>));
      if (!UNSEARCHED_KINDS.has(r.kind)) putSearch.run(id, r.search);
    }
  };

  const guarded =
    <A extends unknown[]>(fn: (...a: A) => void) =>
    (...a: A) => {
      if (!open) throw new Error('the snapshot writer is closed');
      try {
        fn(...a);
      } catch (error) {
        drop();
        throw error;
      }
    };

  return {
    temp,
    add: guarded(addRows),
    addMetrics: guarded((rows: readonly MetricRow[]) => {
      for (const m of rows)
        putMetric.run(m.cluster, m.kind, m.namespace, m.name, m.cpu, m.memory, m.window, m.timestamp);
    }),
    addLogs: guarded((rows: readonly LogRow[]) => {
      for (const l of rows) putLog.run(l.cluster, l.namespace, l.pod, l.container, l.text);
    }),
    finish: guarded((meta: SnapshotMeta) => {
      for (const [k, v] of metaRows(meta)) putMeta.run(k, v);
      db.exec('COMMIT');
      // planner statistics for the reader, sampled (a full ANALYZE reads every index of the file)
      db.pragma('analysis_limit = 1000');
      db.exec('ANALYZE');
      db.pragma('journal_mode = DELETE');
      db.close();
      open = false;
      fs.renameSync(temp, target);
    }),
    abort: () => drop(),
  };
}
