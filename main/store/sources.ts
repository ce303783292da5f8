import type { Db } from './db';

/**
 * The data sources open besides the live fleet (snapshots, imported manifests), remembered so
 * they are open again after a restart. A snapshot is reopened from its file; imported manifests
 * keep their rows in the object table and are restored from the stored view.
 */
export const SOURCES_SCHEMA_SQL = `
  CREATE TABLE open_sources (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    path TEXT,
    view TEXT NOT NULL,
    opened_at TEXT NOT NULL
  ) STRICT;
`;

export interface OpenSourceRecord {
  id: string;
  kind: 'snapshot' | 'manifests';
  path?: string;
  /** The SourceView as JSON (parsed by the registry). */
  view: string;
  openedAt: string;
}

interface Row {
  id: string;
  kind: string;
  path: string | null;
  view: string;
  opened_at: string;
}

export interface SourceStore {
  all(): OpenSourceRecord[];
  put(record: OpenSourceRecord): void;
  remove(id: string): boolean;
}

export function createSourceStore(db: Db): SourceStore {
  const all = db.prepare<[], Row>(
    'SELECT id, kind, path, view, opened_at FROM open_sources ORDER BY opened_at, id',
  );
  const put = db.prepare<[string, string, string | null, string, string]>(
    `INSERT INTO open_sources (id, kind, path, view, opened_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, path = excluded.path, view = excluded.view`,
  );
  const remove = db.prepare<[string]>('DELETE FROM open_sources WHERE id = ?');
  return {
    all: () =>
      all.all().map((r) => ({
        id: r.id,
        kind: r.kind === 'manifests' ? 'manifests' : 'snapshot',
        ...(r.path !== null ? { path: r.path } : {}),
        view: r.view,
        openedAt: r.opened_at,
      })),
    put: (r) => put.run(r.id, r.kind, r.path ?? null, r.view, r.openedAt),
    remove: (id) => remove.run(id).changes > 0,
  };
}
