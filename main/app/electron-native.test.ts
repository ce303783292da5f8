import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronSqliteBindingPath, findElectronSqliteBinding } from './electron-native';

describe('electron-native', () => {
  it('puts the build under .cache, keyed by Electron version, platform and arch', () => {
    expect(electronSqliteBindingPath('/repo', { electron: '41.7.1', platform: 'linux', arch: 'x64' })).toBe(
      path.join('/repo', '.cache', 'electron-native', 'electron-41.7.1-linux-x64', 'better_sqlite3.node'),
    );
  });

  it('agrees with scripts/electron-native.mjs, which builds the file', () => {
    const result = spawnSync(
      process.execPath,
      ['scripts/electron-native.mjs', '--print-path', '--electron-version', '99.1.2'],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(
      electronSqliteBindingPath(process.cwd(), {
        electron: '99.1.2',
        platform: process.platform,
        arch: process.arch,
      }),
    );
  });

  it('finds the binding only once it exists', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-native-'));
    const where = { electron: '41.7.1', platform: 'linux', arch: 'x64' };
    expect(findElectronSqliteBinding(root, where)).toBeUndefined();
    const file = electronSqliteBindingPath(root, where);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
    expect(findElectronSqliteBinding(root, where)).toBe(file);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
