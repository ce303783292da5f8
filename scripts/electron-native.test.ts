import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronSqliteBindingPath, ensureElectronSqlite, summariseFailure } from './electron-native.mjs';

describe('ensureElectronSqlite', () => {
  const roots: string[] = [];
  const tempRoot = () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-native-'));
    roots.push(root);
    return root;
  };
  afterEach(() => {
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });
  const target = { electron: '41.7.1', platform: 'linux', arch: 'x64' };

  it('uses an existing build without rebuilding', () => {
    const root = tempRoot();
    const file = electronSqliteBindingPath(root, target);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'binary');
    expect(ensureElectronSqlite({ root, ...target })).toEqual({ ok: true, path: file, built: false });
  });

  it('says what to do when better-sqlite3 is not installed', () => {
    const root = tempRoot();
    const result = ensureElectronSqlite({ root, ...target });
    expect(result).toEqual({
      ok: false,
      reason: `${path.join(root, 'node_modules', 'better-sqlite3')} is missing; run npm install`,
    });
  });

  it('fails with one line, leaving nothing half-written, when no build tool is available', () => {
    const root = tempRoot();
    fs.mkdirSync(path.join(root, 'node_modules', 'better-sqlite3', 'build'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), '{}');
    const result = ensureElectronSqlite({ root, ...target });
    expect(result).toEqual({
      ok: false,
      reason: 'could not build better-sqlite3 for Electron 41.7.1 (no build tool found)',
    });
    expect(fs.existsSync(path.join(root, '.cache'))).toBe(false);
  });
});

describe('summariseFailure', () => {
  it.each([
    [
      'prebuild-install warn install getaddrinfo ENOTFOUND github.com\n',
      'install getaddrinfo ENOTFOUND github.com',
    ],
    [
      'prebuild-install warn install No prebuilt binaries found (target=41.7.1 runtime=electron)',
      'install No prebuilt binaries found (target=41.7.1 runtime=electron)',
    ],
    [
      'gyp info it worked\ngyp ERR! stack is related to network connectivity. In most cases\n',
      'network error (node-gyp could not download the headers)',
    ],
    ['line one\nsomething broke at the end\n', 'something broke at the end'],
    ['', 'no output'],
  ])('%j → %s', (output, line) => {
    expect(summariseFailure(output)).toBe(line);
  });
});
