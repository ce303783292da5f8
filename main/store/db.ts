import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
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
    if (options.nativeBinding) nativeBindings.set(file, options.nativeBinding);
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

const nativeBindings = new Map<string, string>();

export interface BackgroundCheckpoints {
  stop(): Promise<void>;
}

/** Runs in a worker thread: its own connection copies the WAL into the database file. */
const CHECKPOINT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Moves WAL checkpoints off the calling thread: the connection stops checkpointing on commit
 * (wal_autocheckpoint = 0) and a worker thread with its own connection checkpoints every
 * `intervalMs` (PASSIVE: never waits for the writer). A checkpoint writes pages back to the
 * database file and fsyncs it, which on a busy disk can stall for hundreds of milliseconds;
 * a heavy writer (the object cache under churn) should not wait for that. If the worker
 * cannot run, the connection checkpoints on commit again.
 */
export function checkpointInBackground(
  db: Db,
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): BackgroundCheckpoints {
  if (db.memory || !db.name) return { stop: async () => {} };
  const restore = () => {
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  };
  let worker: Worker;
  try {
    worker = new Worker(CHECKPOINT_WORKER, {
      eval: true,
      workerData: {
        module: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: db.name,
        nativeBinding: nativeBindings.get(db.name),
        intervalMs: options.intervalMs ?? 500,
      },
    });
  } catch (error) {
    options.onError?.(`background checkpoints unavailable: ${(error as Error).message}`);
    return { stop: async () => {} };
  }
  db.pragma('wal_autocheckpoint = 0');
  worker.unref();
  let running = true;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (m: { error?: string }) => m.error && options.onError?.(`checkpoint: ${m.error}`));
  worker.on('error', (error) => {
    running = false;
    restore();
    options.onError?.(`background checkpoints stopped: ${error.message}`);
  });
  return {
    async stop() {
      if (!running) return;
      running = false;
      restore();
      worker.ref(); // keep the process alive until the last checkpoint is written
      worker.postMessage('stop');
      await exited;
    },
  };
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
