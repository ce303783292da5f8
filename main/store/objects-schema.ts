import type { Db } from './db';

/**
 * The object table shared by every source (live caches, snapshots, imported manifests).
 * Kept as one constant so a snapshot file (.flotilla, another SQLite database) gets exactly
 * the same schema: `applyObjectSchema(new Database(file))`.
 *
 * - objects: one narrow row per object (identity, labels, selected fields, search text);
 *   the JSON body lives in object_bodies so scans and sorts never page through large bodies.
 * - object_label_index: every object's labels as whole-word tokens (see labelTokens), so a label
 *   selector is one full-text match that intersects posting lists instead of building large sets.
 * - objects_search: a trigram full-text index over `objects.search` (substring search ≥ 3 chars).
 * - sync_gen marks the relist that last saw a row, so rows a relist did not see are removed.
 */
export const OBJECT_SCHEMA_SQL = `
  CREATE TABLE objects (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    cluster TEXT NOT NULL,
    api_group TEXT NOT NULL,
    version TEXT NOT NULL,
    kind TEXT NOT NULL,
    namespace TEXT NOT NULL,
    name TEXT NOT NULL,
    uid TEXT NOT NULL,
    resource_version TEXT NOT NULL,
    labels TEXT NOT NULL,
    created TEXT NOT NULL,
    status TEXT,
    node_name TEXT,
    owner_kind TEXT,
    owner_name TEXT,
    ready INTEGER,
    desired INTEGER,
    restarts INTEGER,
    search TEXT NOT NULL,
    sync_gen INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE UNIQUE INDEX objects_identity ON objects(source, cluster, kind, api_group, namespace, name);
  CREATE INDEX objects_kind_name ON objects(source, kind, name);
  CREATE INDEX objects_kind_ns ON objects(source, kind, namespace, name);
  CREATE INDEX objects_kind_created ON objects(source, kind, created);
  CREATE INDEX objects_node ON objects(source, node_name, cluster) WHERE node_name IS NOT NULL;
  CREATE INDEX objects_kind_status ON objects(source, kind, status);
  CREATE INDEX objects_kind_restarts ON objects(source, kind, restarts);
  CREATE INDEX objects_owner ON objects(source, cluster, owner_kind, owner_name) WHERE owner_name IS NOT NULL;
  CREATE INDEX objects_name ON objects(name);
  CREATE INDEX objects_uid ON objects(uid);
  CREATE TABLE object_bodies (
    id INTEGER PRIMARY KEY,
    json TEXT NOT NULL
  ) STRICT;
  CREATE VIRTUAL TABLE object_label_index USING fts5(
    labels, tokenize = "unicode61 tokenchars '-_./=:^'", content = '', contentless_delete = 1
  );
  CREATE VIRTUAL TABLE objects_search USING fts5(
    search, tokenize = 'trigram', content = '', contentless_delete = 1
  );
`;

/** Creates the object tables in `db` (a fresh app database migration, or a snapshot file). */
export function applyObjectSchema(db: Db): void {
  db.exec(OBJECT_SCHEMA_SQL);
}
