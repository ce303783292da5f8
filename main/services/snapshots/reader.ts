import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { ObjectReader, ObjectQuery, ObjectRef, StoredObject } from '../../../shared/objects/types';
import type { Db } from '../../store/db';
import { createObjectStore, type ObjectStore } from '../../store/objects';
import { FORMAT_NAME, FORMAT_VERSION, SNAPSHOT_ROW_SOURCE, SnapshotError, SnapshotMeta } from './format';

/**
 * Opening a .flotilla file read-only: the header, the size the header promises, the tables and the
 * metadata are checked before anything reads it (a file from elsewhere is untrusted), then its
 * objects are served through the same ObjectStore queries as the live cache.
 */

/** Read access to one snapshot file, for the app's source registry. */
export interface OpenSnapshot {
  file: string;
  meta: SnapshotMeta;
  db: Db;
  /** Queries with any `source` read the file; results carry `source` (see openSnapshot). */
  store: SnapshotStore;
  close(): void;
}

/** The read half of ObjectStore over a snapshot file. */
export type SnapshotStore = Pick<ObjectStore, 'iterate' | 'count' | 'get' | 'page' | 'search' | 'countBy'>;

/** What `flotilla snapshot diff` and other readers get: an ObjectReader and the metadata. */
export interface SnapshotReader {
  reader: ObjectReader;
  meta: SnapshotMeta;
  file: string;
  close(): void;
}

const SQLITE_HEADER = 'SQLite format 3\0';
/** The largest metadata value read (the cluster list of a large fleet fits many times over). */
const MAX_META_VALUE = 8 * 1024 * 1024;
/** Files up to this size get a full page check when opened. */
export const QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024;
const REQUIRED_TABLES = ['objects', 'object_bodies', 'objects_search', 'snapshot_meta'];

function describeForeign(head: Buffer): string {
  if (head.length === 0) return 'it is empty';
  if (head[0] === 0x50 && head[1] === 0x4b) return 'it is a zip archive, not a snapshot';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'it is a gzip file, not a snapshot';
  const printable = [...head].every(
    (b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2,
  );
  if (printable) return 'it is a text file, not a snapshot';
  return 'it is not an SQLite database';
}

/** Checks the SQLite header and that the file is as long as the header says. */
function checkFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new SnapshotError(file, 'missing', `Cannot open ${file}: the file does not exist.`);
  }
  if (!stat.isFile()) throw new SnapshotError(file, 'missing', `Cannot open ${file}: it is not a file.`);
  const head = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 16 || head.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw new SnapshotError(
      file,
      'not-sqlite',
      `Cannot open ${file}: ${describeForeign(head.subarray(0, read))} (a .flotilla snapshot is an SQLite database).`,
    );
  }
  if (read < 100) {
    throw new SnapshotError(file, 'truncated', `Cannot open ${file}: the file is truncated (${read} bytes).`);
  }
  const rawPage = head.readUInt16BE(16);
  const pageSize = rawPage === 1 ? 65536 : rawPage;
  const pages = head.readUInt32BE(28);
  const counterMatches = head.readUInt32BE(24) === head.readUInt32BE(92);
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw new SnapshotError(file, 'corrupt', `Cannot open ${file}: its SQLite header is damaged.`);
  }
  if (counterMatches && pages > 0 && pages * pageSize > stat.size) {
    throw new SnapshotError(
      file,
      'truncated',
      `Cannot open ${file}: the file is truncated (${stat.size} bytes of ${pages * pageSize}); it was probably cut off while copying.`,
    );
  }
}

function readMeta(file: string, db: Db): SnapshotMeta {
  const tables = new Set(
    (
      db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as Array<{
        name: string;
      }>
    ).map((r) => r.name),
  );
  const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
  if (missing.includes('snapshot_meta')) {
    throw new SnapshotError(
      file,
      'not-snapshot',
      `Cannot open ${file}: it is an SQLite database but not a Flotilla snapshot (it has no snapshot_meta table).`,
    );
  }
  const rows = db
    // bounded: a hostile file may hold millions of rows or huge values here
    .prepare(
      `SELECT key, CASE WHEN length(value) <= ${MAX_META_VALUE} THEN value END AS value FROM snapshot_meta
       WHERE typeof(key) = 'text' AND length(key) <= 100 LIMIT 100`,
    )
    .all() as Array<{
    key: unknown;
    value: unknown;
  }>;
  const raw: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    if (typeof key !== 'string') continue;
    if (typeof value !== 'string') {
      throw new SnapshotError(
        file,
        'invalid',
        `Cannot open ${file}: its metadata "${key}" is missing or too large.`,
      );
    }
    try {
      raw[key] = JSON.parse(value);
    } catch {
      throw new SnapshotError(
        file,
        'invalid',
        `Cannot open ${file}: its metadata "${key.slice(0, 60)}" is not valid JSON.`,
      );
    }
  }
  if (raw.format !== FORMAT_NAME) {
    throw new SnapshotError(
      file,
      'not-snapshot',
      `Cannot open ${file}: it is an SQLite database but not a Flotilla snapshot (its metadata does not name the format).`,
    );
  }
  const version = raw.formatVersion;
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    throw new SnapshotError(
      file,
      'too-new',
      `Cannot open ${file}: it was written by a newer Flotilla (snapshot format ${version}; this version reads up to ${FORMAT_VERSION}). Update Flotilla to open it.`,
    );
  }
  if (missing.length > 0) {
    throw new SnapshotError(
      file,
      'invalid',
      `Cannot open ${file}: tables are missing (${missing.join(', ')}).`,
    );
  }
  const parsed = SnapshotMeta.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SnapshotError(
      file,
      'invalid',
      `Cannot open ${file}: its metadata is invalid at "${issue.path.join('.') || '(root)'}": ${issue.message}.`,
    );
  }
  return parsed.data;
}

/** Rewrites the `source` of queries to the file's rows and of results to `source`. */
function relabel(store: ObjectStore, source: string): SnapshotStore {
  const q = <T extends ObjectQuery>(query: T): T => ({ ...query, source: SNAPSHOT_ROW_SOURCE });
  const obj = <T extends { source: string }>(o: T): T => ({ ...o, source });
  return {
    *iterate(query) {
      for (const o of store.iterate(q(query))) yield obj(o);
    },
    count: (query) => store.count(q(query)),
    get: (ref: ObjectRef) => {
      const found = store.get({ ...ref, source: SNAPSHOT_ROW_SOURCE });
      return found ? obj(found) : undefined;
    },
    page: (query) => {
      const page = store.page(q(query));
      return { ...page, items: page.items.map(obj) };
    },
    search: (query) => {
      const result = store.search(q(query));
      return { ...result, items: result.items.map(obj) };
    },
    countBy: (query, by) => store.countBy(q(query), by),
  };
}

function wrapSqliteError(file: string, error: unknown): never {
  if (error instanceof SnapshotError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  throw new SnapshotError(file, 'corrupt', `Cannot open ${file}: the database is damaged (${message}).`);
}

/**
 * Opens a snapshot file read-only after checking it. Results are labelled with `source`
 * (the registry passes 'snapshot:<id>'). Throws SnapshotError naming the file and the problem.
 */
export function openSnapshot(file: string, source: string = SNAPSHOT_ROW_SOURCE): OpenSnapshot {
  checkFile(file);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    wrapSqliteError(file, error);
  }
  try {
    const meta = readMeta(file, db);
    // a full page check costs about 20 ms per MB: done for files up to QUICK_CHECK_MAX_BYTES; beyond,
    // damage deeper in the file surfaces as an error naming the file on the query that meets it
    if (fs.statSync(file).size <= QUICK_CHECK_MAX_BYTES) {
      const check = db.pragma('quick_check(1)', { simple: true });
      if (check !== 'ok') {
        throw new SnapshotError(
          file,
          'corrupt',
          `Cannot open ${file}: the database is damaged (${String(check)}).`,
        );
      }
    }
    const store = relabel(createObjectStore(db), source);
    return { file, meta, db, store, close: () => db.close() };
  } catch (error) {
    db.close();
    wrapSqliteError(file, error);
  }
}

/**
 * A snapshot file as an ObjectReader plus its metadata (for `flotilla snapshot diff` and
 * inspections): rows carry `source` (default 'snapshot'), whatever source a query names.
 */
export function openSnapshotReader(file: string, options: { source?: string } = {}): SnapshotReader {
  const open = openSnapshot(file, options.source);
  const reader: ObjectReader = {
    iterate: (query: ObjectQuery): Iterable<StoredObject> => open.store.iterate(query),
    count: (query) => open.store.count(query),
    get: (ref) => open.store.get(ref),
  };
  return { reader, meta: open.meta, file, close: open.close };
}
