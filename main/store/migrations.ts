import { OBJECT_SCHEMA_SQL } from './objects-schema';
import { credentialsTableSql } from './credentials';
import { FLEET_SCHEMA_SQL } from './fleet';
import { INSPECTIONS_SCHEMA_SQL, INSPECTIONS_V7_SQL } from './inspections';
import { SOURCES_SCHEMA_SQL } from './sources';
import { WORKSPACES_SCHEMA_SQL } from './workspaces';

/**
 * Versioned schema migrations for the app database. Each entry moves the schema from
 * version index to index + 1; never edit a shipped migration, add a new one.
 * PRAGMA user_version holds the version a database is at.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'settings',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'object cache: objects, bodies, labels, trigram search (shared with snapshot files)',
    sql: OBJECT_SCHEMA_SQL,
  },
  {
    version: 3,
    description:
      'fleet: cluster groups (with default), clusters, cluster labels, exec approvals, sealed credentials',
    sql: FLEET_SCHEMA_SQL + credentialsTableSql(),
  },
  {
    version: 4,
    description: 'workspaces (with default) and the namespaces each one manages, per cluster',
    sql: WORKSPACES_SCHEMA_SQL,
  },
  {
    version: 5,
    description: 'open data sources (snapshots, imported manifests), reopened after a restart',
    sql: SOURCES_SCHEMA_SQL,
  },
  {
    version: 6,
    description:
      'inspections: runs, findings (indexed for filters and diffs), per-scope config, schedules, conformance results',
    sql: INSPECTIONS_SCHEMA_SQL,
  },
  {
    version: 7,
    description: 'inspection findings keyed by run number and identity hash, with ordered indexes',
    sql: INSPECTIONS_V7_SQL,
  },
  {
    version: 8,
    description:
      'object cache: drop object_labels (label selectors use object_label_index; nothing read the table)',
    sql: 'DROP TABLE IF EXISTS object_labels;',
  },
];

export const latestVersion = migrations.length;
