import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronLaunchDecision, findElectronBinary, type LaunchFacts } from './electron-available.mjs';

describe('findElectronBinary', () => {
  const dir = path.join('/repo', 'node_modules', 'electron');
  const files = (present: Record<string, string>) => ({
    readFile: (file: string) => present[file],
    exists: (file: string) => file in present,
  });

  it('follows path.txt into dist/', () => {
    const bin = path.join(dir, 'dist', 'electron');
    expect(
      findElectronBinary({
        electronDir: dir,
        ...files({ [path.join(dir, 'path.txt')]: 'electron\n', [bin]: '' }),
      }),
    ).toBe(bin);
  });

  it('finds nothing when the install script was skipped (no path.txt)', () => {
    expect(findElectronBinary({ electronDir: dir, ...files({}) })).toBeUndefined();
  });

  it('finds nothing when path.txt names a file that is not there', () => {
    expect(
      findElectronBinary({ electronDir: dir, ...files({ [path.join(dir, 'path.txt')]: 'electron' }) }),
    ).toBeUndefined();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const bin = path.join('/opt/electron', 'electron');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
    expect(findElectronBinary({ electronDir: dir, env, ...files({ [bin]: '' }) })).toBe(bin);
    const mac = path.join('/opt/electron', 'Electron.app/Contents/MacOS/Electron');
    expect(
      findElectronBinary({
        electronDir: dir,
        env,
        ...files({ [path.join(dir, 'path.txt')]: 'Electron.app/Contents/MacOS/Electron', [mac]: '' }),
      }),
    ).toBe(mac);
  });
});

describe('electronLaunchDecision', () => {
  const ready: LaunchFacts = {
    platform: 'linux',
    env: { DISPLAY: ':0' },
    uid: 1000,
    binary: '/repo/node_modules/electron/dist/electron',
    sqliteBinding: '/repo/.cache/electron-native/electron-41.7.1-linux-x64/better_sqlite3.node',
  };
  it.each<[string, Partial<LaunchFacts>, RegExp | null]>([
    ['a Linux desktop with everything in place', {}, null],
    ['Wayland without X', { env: { WAYLAND_DISPLAY: 'wayland-0' } }, null],
    ['macOS without DISPLAY', { platform: 'darwin', env: {}, uid: 0 }, null],
    ['Windows', { platform: 'win32', env: {}, uid: undefined }, null],
    ['no Electron binary', { binary: undefined }, /not installed/],
    ['a headless Linux box', { env: {} }, /no display/],
    ['an empty DISPLAY', { env: { DISPLAY: '' } }, /no display/],
    ['root on Linux', { uid: 0 }, /running as root/],
    ['no better-sqlite3 for Electron', { sqliteBinding: undefined }, /better-sqlite3/],
  ])('%s', (_label, change, expected) => {
    const decision = electronLaunchDecision({ ...ready, ...change });
    if (expected === null) expect(decision).toEqual({ ok: true });
    else {
      expect(decision.ok).toBe(false);
      if (!decision.ok) expect(decision.reason).toMatch(expected);
    }
  });

  it('reports the first blocker, the binary, before the others', () => {
    expect(electronLaunchDecision({ platform: 'linux', env: {}, uid: 0 })).toEqual({
      ok: false,
      reason: 'the Electron binary is not installed and could not be downloaded',
    });
  });
});
