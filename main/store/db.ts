import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion, migrations, type Migration } from './migrations';

export type Db = Database.Database;

export class StoreError extends Error {
  constructor(
    readonly code: 'CORRUPT' | 'TOO_NEW' | 'UNWRITABLE' | 'MIGRATION_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

const SQLITE_HEADER = 'SQLite format 3\0';

function checkHeader(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const read = fs.readSync(fd, buf, 0, 16, 0);
    if (read === 0) return; // an empty file is a new database
    if (read < 16 || buf.toString('latin1') !== SQLITE_HEADER) {
      throw new StoreError(
        'CORRUPT',
        `${file} is not a Flotilla database (not an SQLite file). It was left untouched; move it away or pass --data-dir to use another folder.`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

export interface OpenOptions {
  /** Migrations to apply; the app's own by default (tests pass their own). */
  migrations?: Migration[];
  now?: () => Date;
  /**
   * better-sqlite3's compiled module to load instead of node_modules' own: the desktop shell run
   * from source passes the build made for Electron's ABI (scripts/electron-native.mjs).
   */
  nativeBinding?: string;
}

/**
 * Opens (or creates) the app database at `file`: WAL, foreign keys, then the migrations it
 * lacks, each in a transaction, with a copy of the file taken before the first one.
 * A corrupt file or one written by a newer Flotilla is reported and never overwritten.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const list = options.migrations ?? migrations;
  const target = list.length;
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed) checkHeader(file);

  let db: Db;
  try {
    db = new Database(file, {
      fileMustExist: false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new StoreError(
      'UNWRITABLE',
      `Cannot open ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new StoreError('CORRUPT', `${file} is damaged (${String(check)}). It was left untouched.`);
    }
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > target) {
      throw new StoreError(
        'TOO_NEW',
        `${file} was written by a newer Flotilla (schema ${current}, this version knows ${target}). It was left untouched; update Flotilla or pass --data-dir to use another folder.`,
      );
    }
    db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL: a commit no longer waits for an fsync of the log (the
    // object cache commits many small batches a second); the database stays consistent after a
    // crash, only the last commits before a power loss may be lost.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (current < target) {
      if (existed && current > 0) backup(db, file, current, options.now?.() ?? new Date());
      for (const migration of list.slice(current)) apply(db, migration, file);
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/not a database|malformed|file is encrypted/i.test(message)) {
      throw new StoreError('CORRUPT', `${file} is damaged (${message}). It was left untouched.`);
    }
    throw error;
  }
}

function backup(db: Db, file: string, version: number, now: Date): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const copy = path.join(path.dirname(file), `${path.basename(file)}.v${version}.${stamp}.bak`);
  fs.copyFileSync(file, copy, fs.constants.COPYFILE_EXCL);
}

function apply(db: Db, migration: Migration, file: string): void {
  try {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  } catch (error) {
    throw new StoreError(
      'MIGRATION_FAILED',
      `Migration ${migration.version} (${migration.description}) failed on ${file}: ${
        error instanceof Error ? error.message : String(error)
      }. The database was left at its previous version.`,
    );
  }
}

export { latestVersion };
