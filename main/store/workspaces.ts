import type { Db } from './db';

/**
 * Schema of workspaces: `workspaces` (with `default`) and `workspace_namespaces`, one row per managed
 * namespace (cluster, namespace) naming its single workspace. Membership goes with the cluster.
 */
export const WORKSPACES_SCHEMA_SQL = `
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    labels TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
  ) STRICT;
  INSERT INTO workspaces (id, name, description, labels, created_at)
    VALUES ('default', 'default', 'Managed namespaces that are not in another workspace.', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  CREATE TABLE workspace_namespaces (
    cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    namespace TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (cluster_id, namespace)
  ) STRICT;
  CREATE INDEX workspace_namespaces_ws ON workspace_namespaces(workspace_id);
`;

export interface WorkspaceRecord {
  id: string;
  name: string;
  description: string;
  labels: Record<string, string>;
  createdAt: string;
}

export interface Membership {
  cluster: string;
  namespace: string;
  workspaceId: string;
}

interface WorkspaceDbRow {
  id: string;
  name: string;
  description: string;
  labels: string;
  created_at: string;
}

const toRecord = (r: WorkspaceDbRow): WorkspaceRecord => ({
  id: r.id,
  name: r.name,
  description: r.description,
  labels: JSON.parse(r.labels) as Record<string, string>,
  createdAt: r.created_at,
});

export function createWorkspaceStore(db: Db) {
  const upsertMember = db.prepare(
    `INSERT INTO workspace_namespaces (cluster_id, namespace, workspace_id, added_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (cluster_id, namespace) DO UPDATE SET workspace_id = excluded.workspace_id`,
  );
  const deleteMember = db.prepare('DELETE FROM workspace_namespaces WHERE cluster_id = ? AND namespace = ?');
  return {
    workspaces(): WorkspaceRecord[] {
      return (
        db
          .prepare("SELECT * FROM workspaces ORDER BY CASE id WHEN 'default' THEN 0 ELSE 1 END, name")
          .all() as WorkspaceDbRow[]
      ).map(toRecord);
    },
    workspace(id: string): WorkspaceRecord | undefined {
      const row = db.prepare('SELECT * FROM workspaces WHERE id = ?').get(id) as WorkspaceDbRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    insert(w: WorkspaceRecord): void {
      db.prepare(
        'INSERT INTO workspaces (id, name, description, labels, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(w.id, w.name, w.description, JSON.stringify(w.labels), w.createdAt);
    },
    update(
      id: string,
      patch: { name?: string; description?: string; labels?: Record<string, string> },
    ): void {
      db.transaction(() => {
        if (patch.name !== undefined)
          db.prepare('UPDATE workspaces SET name = ? WHERE id = ?').run(patch.name, id);
        if (patch.description !== undefined)
          db.prepare('UPDATE workspaces SET description = ? WHERE id = ?').run(patch.description, id);
        if (patch.labels !== undefined)
          db.prepare('UPDATE workspaces SET labels = ? WHERE id = ?').run(JSON.stringify(patch.labels), id);
      })();
    },
    /** Deletes a workspace, first moving its namespaces to `default` when asked; returns how many moved. */
    delete(id: string, moveToDefault: boolean): number {
      return db.transaction(() => {
        const moved = moveToDefault
          ? db
              .prepare("UPDATE workspace_namespaces SET workspace_id = 'default' WHERE workspace_id = ?")
              .run(id).changes
          : 0;
        db.prepare('DELETE FROM workspaces WHERE id = ?').run(id);
        return moved;
      })();
    },
    memberships(workspaceId?: string): Membership[] {
      const sql =
        'SELECT cluster_id AS cluster, namespace, workspace_id AS workspaceId FROM workspace_namespaces' +
        (workspaceId ? ' WHERE workspace_id = ?' : '') +
        ' ORDER BY namespace, cluster_id';
      const stmt = db.prepare(sql);
      return (workspaceId ? stmt.all(workspaceId) : stmt.all()) as Membership[];
    },
    /** Puts each namespace in `workspaceId` (moving it from another workspace); returns how many. */
    attach(workspaceId: string, refs: Array<{ cluster: string; name: string }>, at: string): number {
      return db.transaction(() => {
        for (const r of refs) upsertMember.run(r.cluster, r.name, workspaceId, at);
        return refs.length;
      })();
    },
    release(refs: Array<{ cluster: string; name: string }>): number {
      return db.transaction(() =>
        refs.reduce((n, r) => n + deleteMember.run(r.cluster, r.name).changes, 0),
      )();
    },
  };
}
export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;
