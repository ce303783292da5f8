import type { Db } from './db';

/** Schema of the fleet model: cluster groups (with `default`), clusters, their labels, exec approvals. */
export const FLEET_SCHEMA_SQL = `
  CREATE TABLE cluster_groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    labels TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
  ) STRICT;
  INSERT INTO cluster_groups (id, name, description, labels, created_at)
    VALUES ('default', 'default', 'Clusters that are not in another group.', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    group_id TEXT NOT NULL REFERENCES cluster_groups(id),
    type TEXT NOT NULL DEFAULT 'attached' CHECK (type IN ('attached', 'provisioned')),
    context TEXT NOT NULL,
    server TEXT NOT NULL,
    user_name TEXT NOT NULL DEFAULT '',
    namespace TEXT,
    auth_kind TEXT NOT NULL,
    command_line TEXT,
    command_fingerprint TEXT,
    tls_server_name TEXT,
    insecure INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL,
    attached_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX clusters_group ON clusters(group_id);
  CREATE TABLE cluster_labels (
    cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (cluster_id, key)
  ) STRICT;
  CREATE INDEX cluster_labels_kv ON cluster_labels(key, value);
  CREATE TABLE exec_approvals (
    fingerprint TEXT PRIMARY KEY,
    command_line TEXT NOT NULL,
    approved_at TEXT NOT NULL
  ) STRICT;
`;

export interface GroupRecord {
  id: string;
  name: string;
  description: string;
  labels: Record<string, string>;
  createdAt: string;
}

export interface ClusterRecord {
  id: string;
  name: string;
  description: string;
  groupId: string;
  type: 'attached' | 'provisioned';
  context: string;
  server: string;
  userName: string;
  namespace?: string;
  authKind: string;
  commandLine?: string;
  commandFingerprint?: string;
  tlsServerName?: string;
  insecure: boolean;
  source: string;
  attachedAt: string;
  labels: Record<string, string>;
}

interface ClusterSqlRow {
  id: string;
  name: string;
  description: string;
  group_id: string;
  type: 'attached' | 'provisioned';
  context: string;
  server: string;
  user_name: string;
  namespace: string | null;
  auth_kind: string;
  command_line: string | null;
  command_fingerprint: string | null;
  tls_server_name: string | null;
  insecure: number;
  source: string;
  attached_at: string;
}

const opt = (v: string | null) => (v === null ? undefined : v);

/** Queries over the fleet tables; every write is one transaction. */
export function createFleetStore(db: Db) {
  const labelsOf = db.prepare<[string], { key: string; value: string }>(
    'SELECT key, value FROM cluster_labels WHERE cluster_id = ? ORDER BY key',
  );
  const allLabels = db.prepare<[], { cluster_id: string; key: string; value: string }>(
    'SELECT cluster_id, key, value FROM cluster_labels ORDER BY key',
  );
  const toCluster = (r: ClusterSqlRow, labels: Record<string, string>): ClusterRecord => ({
    id: r.id,
    name: r.name,
    description: r.description,
    groupId: r.group_id,
    type: r.type,
    context: r.context,
    server: r.server,
    userName: r.user_name,
    namespace: opt(r.namespace),
    authKind: r.auth_kind,
    commandLine: opt(r.command_line),
    commandFingerprint: opt(r.command_fingerprint),
    tlsServerName: opt(r.tls_server_name),
    insecure: r.insecure === 1,
    source: r.source,
    attachedAt: r.attached_at,
    labels,
  });
  const toGroup = (r: {
    id: string;
    name: string;
    description: string;
    labels: string;
    created_at: string;
  }): GroupRecord => ({
    id: r.id,
    name: r.name,
    description: r.description,
    labels: JSON.parse(r.labels) as Record<string, string>,
    createdAt: r.created_at,
  });
  const setLabels = (id: string, labels: Record<string, string>) => {
    db.prepare('DELETE FROM cluster_labels WHERE cluster_id = ?').run(id);
    const ins = db.prepare('INSERT INTO cluster_labels (cluster_id, key, value) VALUES (?, ?, ?)');
    for (const [k, v] of Object.entries(labels)) ins.run(id, k, v);
  };

  return {
    clusters(): ClusterRecord[] {
      const labels = new Map<string, Record<string, string>>();
      for (const l of allLabels.all()) {
        const m = labels.get(l.cluster_id) ?? {};
        m[l.key] = l.value;
        labels.set(l.cluster_id, m);
      }
      return db
        .prepare<[], ClusterSqlRow>('SELECT * FROM clusters ORDER BY name')
        .all()
        .map((r) => toCluster(r, labels.get(r.id) ?? {}));
    },
    cluster(id: string): ClusterRecord | undefined {
      const r = db.prepare<[string], ClusterSqlRow>('SELECT * FROM clusters WHERE id = ?').get(id);
      if (!r) return undefined;
      return toCluster(r, Object.fromEntries(labelsOf.all(id).map((l) => [l.key, l.value])));
    },
    clusterByName(name: string): ClusterRecord | undefined {
      const r = db.prepare<[string], { id: string }>('SELECT id FROM clusters WHERE name = ?').get(name);
      return r ? this.cluster(r.id) : undefined;
    },
    insertClusters(records: ClusterRecord[], alsoInTransaction?: () => void): void {
      const ins = db.prepare(
        `INSERT INTO clusters (id, name, description, group_id, type, context, server, user_name, namespace, auth_kind,
           command_line, command_fingerprint, tls_server_name, insecure, source, attached_at)
         VALUES (@id, @name, @description, @groupId, @type, @context, @server, @userName, @namespace, @authKind,
           @commandLine, @commandFingerprint, @tlsServerName, @insecure, @source, @attachedAt)`,
      );
      db.transaction(() => {
        for (const r of records) {
          ins.run({
            ...r,
            namespace: r.namespace ?? null,
            commandLine: r.commandLine ?? null,
            commandFingerprint: r.commandFingerprint ?? null,
            tlsServerName: r.tlsServerName ?? null,
            insecure: r.insecure ? 1 : 0,
          });
          setLabels(r.id, r.labels);
        }
        alsoInTransaction?.();
      })();
    },
    updateCluster(
      id: string,
      patch: { name?: string; description?: string; groupId?: string; labels?: Record<string, string> },
    ) {
      db.transaction(() => {
        if (patch.name !== undefined)
          db.prepare('UPDATE clusters SET name = ? WHERE id = ?').run(patch.name, id);
        if (patch.description !== undefined) {
          db.prepare('UPDATE clusters SET description = ? WHERE id = ?').run(patch.description, id);
        }
        if (patch.groupId !== undefined)
          db.prepare('UPDATE clusters SET group_id = ? WHERE id = ?').run(patch.groupId, id);
        if (patch.labels !== undefined) setLabels(id, patch.labels);
      })();
    },
    moveClusters(ids: string[], groupId: string): number {
      const upd = db.prepare('UPDATE clusters SET group_id = ? WHERE id = ?');
      return db.transaction(() => ids.reduce((n, id) => n + upd.run(groupId, id).changes, 0))();
    },
    deleteClusters(ids: string[], alsoInTransaction?: () => void): void {
      const del = db.prepare('DELETE FROM clusters WHERE id = ?');
      db.transaction(() => {
        for (const id of ids) del.run(id);
        alsoInTransaction?.();
      })();
    },
    groups(): GroupRecord[] {
      return db
        .prepare<[], { id: string; name: string; description: string; labels: string; created_at: string }>(
          "SELECT * FROM cluster_groups ORDER BY CASE id WHEN 'default' THEN 0 ELSE 1 END, name",
        )
        .all()
        .map(toGroup);
    },
    group(id: string): GroupRecord | undefined {
      return this.groups().find((g) => g.id === id);
    },
    insertGroup(g: GroupRecord): void {
      db.prepare(
        'INSERT INTO cluster_groups (id, name, description, labels, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(g.id, g.name, g.description, JSON.stringify(g.labels), g.createdAt);
    },
    updateGroup(
      id: string,
      patch: { name?: string; description?: string; labels?: Record<string, string> },
    ): void {
      db.transaction(() => {
        if (patch.name !== undefined)
          db.prepare('UPDATE cluster_groups SET name = ? WHERE id = ?').run(patch.name, id);
        if (patch.description !== undefined) {
          db.prepare('UPDATE cluster_groups SET description = ? WHERE id = ?').run(patch.description, id);
        }
        if (patch.labels !== undefined) {
          db.prepare('UPDATE cluster_groups SET labels = ? WHERE id = ?').run(
            JSON.stringify(patch.labels),
            id,
          );
        }
      })();
    },
    /** Deletes a group, first moving its clusters to `default` when asked; returns how many moved. */
    deleteGroup(id: string, moveToDefault: boolean): number {
      return db.transaction(() => {
        const moved = moveToDefault
          ? db.prepare("UPDATE clusters SET group_id = 'default' WHERE group_id = ?").run(id).changes
          : 0;
        db.prepare('DELETE FROM cluster_groups WHERE id = ?').run(id);
        return moved;
      })();
    },
    approvals(): Set<string> {
      return new Set(
        db
          .prepare<[], { fingerprint: string }>('SELECT fingerprint FROM exec_approvals')
          .all()
          .map((r) => r.fingerprint),
      );
    },
    approve(fingerprint: string, commandLine: string, at: string): void {
      db.prepare(
        'INSERT INTO exec_approvals (fingerprint, command_line, approved_at) VALUES (?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING',
      ).run(fingerprint, commandLine, at);
    },
  };
}
export type FleetStore = ReturnType<typeof createFleetStore>;
