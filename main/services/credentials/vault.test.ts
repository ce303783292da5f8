import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialStore, credentialsTableSql } from '../../store/credentials';
import { CredentialError } from './errors';
import { KEY_BYTES, loadOrCreateKey } from './key-file';
import { createKeyFileSealer, type Sealer } from './sealer';
import { createCredentialVault } from './vault';

let dir = '';
let db: Database.Database;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-vault-'));
  db = new Database(path.join(dir, 'app.db'));
  db.exec(credentialsTableSql('credentials'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function caught(fn: () => unknown): CredentialError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CredentialError) return error;
    throw error;
  }
  throw new Error('expected a CredentialError');
}

const spec = {
  server: 'https://k:6443',
  token: 'sekret-token-value',
  keyPem: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n',
};

describe('key file', () => {
  it('creates a 32-byte key readable only by the user, in a private folder, and reuses it', () => {
    const file = path.join(dir, 'data', 'credentials.key');
    const key = loadOrCreateKey(file);
    expect(key.length).toBe(KEY_BYTES);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(loadOrCreateKey(file).equals(key)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['credentials.key']); // no temp file left behind
  });

  it('refuses a key file others can read, with a message saying how to fix it, and leaves it untouched', () => {
    const file = path.join(dir, 'credentials.key');
    loadOrCreateKey(file);
    const before = fs.readFileSync(file);
    fs.chmodSync(file, 0o644);
    const e = caught(() => loadOrCreateKey(file));
    expect(e.code).toBe('KEY_FILE_PERMISSIONS');
    expect(e.message).toContain(`${file} can be read by other users (mode 0644)`);
    expect(e.message).toContain(`chmod 600 ${file}`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
    fs.chmodSync(file, 0o640);
    expect(caught(() => loadOrCreateKey(file)).code).toBe('KEY_FILE_PERMISSIONS');
  });

  it('refuses a key file of the wrong size and a symlink', () => {
    const file = path.join(dir, 'short.key');
    fs.writeFileSync(file, 'too short', { mode: 0o600 });
    expect(caught(() => loadOrCreateKey(file))).toMatchObject({ code: 'KEY_FILE_INVALID' });
    expect(caught(() => loadOrCreateKey(file)).message).toContain('holds 9 bytes, not 32');
    const real = path.join(dir, 'real.key');
    loadOrCreateKey(real);
    const link = path.join(dir, 'link.key');
    fs.symlinkSync(real, link);
    expect(caught(() => loadOrCreateKey(link)).message).toContain('is not a regular file');
  });
});

describe('vault', () => {
  const vaultWith = (key: Buffer, sealerId = 'keyfile-aes-256-gcm') =>
    createCredentialVault({
      store: createCredentialStore(db, 'credentials'),
      sealer: createKeyFileSealer(key),
      sealerId,
    });

  it('round-trips a value through SQLite, storing only ciphertext', () => {
    const vault = vaultWith(loadOrCreateKey(path.join(dir, 'k')));
    vault.put('cluster-1', spec);
    expect(vault.get('cluster-1')).toEqual(spec);
    expect(vault.has('cluster-1')).toBe(true);
    expect(vault.ids()).toEqual(['cluster-1']);
    const raw = db.prepare('SELECT ciphertext FROM credentials').pluck().get() as Buffer;
    expect(raw.includes(Buffer.from('sekret-token-value'))).toBe(false);
    expect(raw.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    // the same value seals differently each time (random IV)
    vault.put('cluster-2', spec);
    const rows = db.prepare('SELECT ciphertext FROM credentials ORDER BY id').pluck().all() as Buffer[];
    expect(rows[0]!.equals(rows[1]!)).toBe(false);
    expect(vault.delete('cluster-1')).toBe(true);
    expect(vault.get('cluster-1')).toBeUndefined();
    expect(vault.delete('cluster-1')).toBe(false);
  });

  it('survives reopening the database with the same key file', () => {
    const keyFile = path.join(dir, 'k');
    vaultWith(loadOrCreateKey(keyFile)).put('c', spec);
    db.close();
    db = new Database(path.join(dir, 'app.db'));
    expect(vaultWith(loadOrCreateKey(keyFile)).get('c')).toEqual(spec);
  });

  it('refuses tampered ciphertext, a row copied onto another id, and another key', () => {
    const key = loadOrCreateKey(path.join(dir, 'k'));
    const vault = vaultWith(key);
    vault.put('a', spec);
    vault.put('b', { other: true });
    const raw = Buffer.from(
      db.prepare('SELECT ciphertext FROM credentials WHERE id = ?').pluck().get('a') as Buffer,
    );
    const flipped = Buffer.from(raw);
    flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 0x01;
    db.prepare('UPDATE credentials SET ciphertext = ? WHERE id = ?').run(flipped, 'a');
    expect(caught(() => vault.get('a'))).toMatchObject({ code: 'TAMPERED' });

    db.prepare(
      'UPDATE credentials SET ciphertext = (SELECT ciphertext FROM credentials WHERE id = ?) WHERE id = ?',
    ).run('b', 'a');
    const moved = caught(() => vault.get('a'));
    expect(moved.code).toBe('TAMPERED');
    expect(moved.message).toContain('belongs to another entry');

    const otherKey = loadOrCreateKey(path.join(dir, 'other'));
    expect(caught(() => vaultWith(otherKey).get('b'))).toMatchObject({ code: 'TAMPERED' });
    db.prepare('UPDATE credentials SET ciphertext = ? WHERE id = ?').run(Buffer.from('plain text'), 'b');
    expect(caught(() => vault.get('b')).message).toContain("not in Flotilla's sealed format");
  });

  it('takes another sealer (as the Electron shell passes safeStorage) and refuses rows sealed by a different one', () => {
    const key = loadOrCreateKey(path.join(dir, 'k'));
    const inner = createKeyFileSealer(key);
    // a sealer of another shape: double-wrapped, standing in for an OS keychain
    const wrapped: Sealer = {
      encrypt: (b) => inner.encrypt(inner.encrypt(b)),
      decrypt: (b) => inner.decrypt(inner.decrypt(b)),
    };
    const keychain = createCredentialVault({
      store: createCredentialStore(db),
      sealer: wrapped,
      sealerId: 'electron-safestorage',
    });
    keychain.put('x', spec);
    expect(keychain.get('x')).toEqual(spec);
    const e = caught(() => vaultWith(key).get('x'));
    expect(e.code).toBe('WRONG_SEALER');
    expect(e.message).toContain('sealed by electron-safestorage');
  });

  it('checks the table name', () => {
    expect(() => createCredentialStore(db, 'x; DROP TABLE credentials')).toThrow(/Invalid table name/);
  });
});
