import type { Db } from './db';

/**
 * Rows of sealed credentials: (id, sealer, ciphertext, created_at, updated_at). The table
 * is created by a migration (see the SQL in credentialsTableSql); this module only reads
 * and writes it. Nothing here can open a ciphertext.
 */
export interface SealedRow {
  id: string;
  sealer: string;
  ciphertext: Buffer;
  createdAt: string;
  updatedAt: string;
}

export interface CredentialStore {
  put(id: string, sealer: string, ciphertext: Buffer): void;
  get(id: string): SealedRow | undefined;
  delete(id: string): boolean;
  ids(): string[];
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The table's SQL, for the migration that creates it (and for tests). */
export function credentialsTableSql(table = 'credentials'): string {
  checkName(table);
  return `CREATE TABLE ${table} (
  id TEXT PRIMARY KEY,
  sealer TEXT NOT NULL,
  ciphertext BLOB NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;`;
}

function checkName(table: string): void {
  if (!TABLE_NAME.test(table))
    throw new Error(`Invalid table name ${JSON.stringify(table)} for the credential store`);
}

export function createCredentialStore(
  db: Db,
  table = 'credentials',
  now: () => Date = () => new Date(),
): CredentialStore {
  checkName(table);
  const upsert = db.prepare(
    `INSERT INTO ${table} (id, sealer, ciphertext, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET sealer = excluded.sealer, ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`,
  );
  const select = db.prepare(
    `SELECT id, sealer, ciphertext, created_at, updated_at FROM ${table} WHERE id = ?`,
  );
  const remove = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  const list = db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck();
  return {
    put(id, sealer, ciphertext) {
      const stamp = now().toISOString();
      upsert.run(id, sealer, ciphertext, stamp, stamp);
    },
    get(id) {
      const row = select.get(id) as
        | { id: string; sealer: string; ciphertext: Buffer; created_at: string; updated_at: string }
        | undefined;
      if (!row) return undefined;
      return {
        id: row.id,
        sealer: row.sealer,
        ciphertext: row.ciphertext,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    },
    delete(id) {
      return remove.run(id).changes > 0;
    },
    ids() {
      return list.all() as string[];
    },
  };
}
