import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirError, ensureWritableDir, resolveDataDir } from './paths';

describe('resolveDataDir', () => {
  it.each([
    [{ override: 'rel/dir' }, path.resolve('rel/dir')],
    [{ electronUserData: '/u/Flotilla' }, '/u/Flotilla'],
    [{ platform: 'linux', home: '/home/a', env: {} }, '/home/a/.local/share/flotilla'],
    [{ platform: 'linux', home: '/home/a', env: { XDG_DATA_HOME: '/xdg' } }, '/xdg/flotilla'],
    [{ platform: 'darwin', home: '/Users/a', env: {} }, '/Users/a/Library/Application Support/Flotilla'],
    [
      { platform: 'win32', home: 'C:/Users/a', env: { APPDATA: 'C:/Users/a/AppData/Roaming' } },
      path.join('C:/Users/a/AppData/Roaming', 'Flotilla'),
    ],
  ] as const)('%j', (options, expected) => {
    expect(resolveDataDir(options as Parameters<typeof resolveDataDir>[0])).toBe(expected);
  });
});

describe('ensureWritableDir', () => {
  it('creates a missing folder', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-p-')), 'a', 'b');
    ensureWritableDir(dir);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });

  it('fails at once (no endless retry) where the folder cannot be made', () => {
    expect(() => ensureWritableDir('/proc/flotilla-cannot-exist/data')).toThrow(DataDirError);
  });

  it('names the folder when a file is in the way', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-p-'));
    fs.writeFileSync(path.join(base, 'file'), '');
    const dir = path.join(base, 'file', 'sub');
    expect(() => ensureWritableDir(dir)).toThrow(DataDirError);
    expect(() => ensureWritableDir(dir)).toThrow(`Data folder ${dir} is not writable (a file is in the way)`);
  });
});
