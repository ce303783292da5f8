import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointInBackground, openDatabase, StoreError } from './db';
import type { Migration } from './migrations';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-db-'));
  file = path.join(dir, 'flotilla.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const v1: Migration = { version: 1, description: 'a', sql: 'CREATE TABLE a (x INTEGER);' };
const v2: Migration = { version: 2, description: 'b', sql: 'CREATE TABLE b (y TEXT);' };
const broken: Migration = { version: 2, description: 'broken', sql: 'CREATE TABLE a (x INTEGER);' };

describe('openDatabase', () => {
  it('creates a new database in WAL mode at the latest version, without a backup', () => {
    const db = openDatabase(file, { migrations: [v1, v2] });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('copies the database before migrating it, and the copy holds the old version', () => {
    const db1 = openDatabase(file, { migrations: [v1] });
    db1.prepare('INSERT INTO a VALUES (42)').run();
    db1.close();
    const db2 = openDatabase(file, { migrations: [v1, v2], now: () => new Date('2026-12-04T10:00:00Z') });
    db2.close();
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toEqual(['flotilla.db.v1.2026-12-04T10-00-00-000Z.bak']);
    const old = new Database(path.join(dir, backups[0]), { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    expect(old.prepare('SELECT x FROM a').get()).toEqual({ x: 42 });
    old.close();
  });

  it('refuses a database from a newer version and leaves it byte-for-byte untouched', () => {
    openDatabase(file, { migrations: [v1, v2] }).close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, { migrations: [v1] })).toThrow(StoreError);
    expect(() => openDatabase(file, { migrations: [v1] })).toThrow(
      /newer Flotilla \(schema 2, this version knows 1\)/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite and never overwrites it', () => {
    fs.writeFileSync(file, 'this is a text file, not a database\n'.repeat(10));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, { migrations: [v1] })).toThrow(/is not a Flotilla database/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a damaged SQLite file', () => {
    openDatabase(file, { migrations: [v1] }).close();
    const bytes = fs.readFileSync(file);
    const damaged = Buffer.concat([bytes.subarray(0, 100), Buffer.alloc(bytes.length - 100, 0xff)]);
    fs.writeFileSync(file, damaged);
    let error: unknown;
    try {
      openDatabase(file, { migrations: [v1, v2] }).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('CORRUPT');
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
  });

  it('leaves the database at its old version when a migration fails', () => {
    openDatabase(file, { migrations: [v1] }).close();
    expect(() => openDatabase(file, { migrations: [v1, broken] })).toThrow(/Migration 2 \(broken\) failed/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });
});

describe('checkpointInBackground', () => {
  it('copies the WAL into the database file from a worker, and hands checkpoints back on stop', async () => {
    const db = openDatabase(file, { migrations: [v1, v2] });
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    const errors: string[] = [];
    const background = checkpointInBackground(db, { intervalMs: 50, onError: (m) => errors.push(m) });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const insert = db.prepare('INSERT INTO b (y) VALUES (?)');
    const row = 'x'.repeat(2000);
    // about 2,500 pages: more than the 1,000 after which a commit would checkpoint by itself
    for (let batch = 0; batch < 50; batch++)
      db.transaction(() => {
        for (let i = 0; i < 100; i++) insert.run(row);
      })();
    const before = fs.statSync(file).size;
    const deadline = Date.now() + 10_000;
    while (fs.statSync(file).size < 5_000_000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(before).toBeLessThan(1_000_000); // this connection did not checkpoint
    expect(fs.statSync(file).size).toBeGreaterThan(5_000_000); // the worker did
    await background.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(errors).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM b').get()).toEqual({ n: 5000 });
    db.close();
  });

  it('does nothing for an in-memory database', async () => {
    const db = new Database(':memory:');
    const background = checkpointInBackground(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await background.stop();
    db.close();
  });
});

describe('the app migrations', () => {
  it('bring a version-7 database (with object_labels) and a new one to the same object tables', async () => {
    const { migrations } = await import('./migrations');
    const tables = (db: Database.Database) =>
      (
        db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'object%' ORDER BY name").all() as Array<{
          name: string;
        }>
      ).map((r) => r.name);
    const old = openDatabase(file, { migrations: migrations.slice(0, 7) });
    old.exec(
      'CREATE TABLE object_labels (key TEXT, value TEXT, object_id INTEGER); CREATE INDEX object_labels_object ON object_labels(object_id);',
    );
    old.close();
    const upgraded = openDatabase(file, { migrations });
    const fresh = openDatabase(path.join(dir, 'fresh.db'), { migrations });
    expect(tables(upgraded)).not.toContain('object_labels');
    expect(tables(upgraded)).toEqual(tables(fresh));
    upgraded.close();
    fresh.close();
  });
});
