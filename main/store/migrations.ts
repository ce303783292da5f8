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
];

export const latestVersion = migrations.length;
