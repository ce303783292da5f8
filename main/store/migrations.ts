import { OBJECT_SCHEMA_SQL } from './objects-schema';

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
];

export const latestVersion = migrations.length;
