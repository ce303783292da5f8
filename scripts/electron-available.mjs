// Can the desktop shell start here? `npm start` asks this before choosing Electron or browser
// mode. Pure decisions over facts the caller gathers (file checks are passed in), so they are
// unit-tested (scripts/electron-available.test.ts) on machines with and without Electron.
import path from 'node:path';

/**
 * The Electron executable the `electron` package would run, found the way its index.js finds
 * it (ELECTRON_OVERRIDE_DIST_PATH, else dist/ + the name in path.txt), or undefined.
 * `readFile` returns a file's text or undefined; `exists` says whether a path exists.
 */
export function findElectronBinary({ electronDir, env = {}, readFile, exists }) {
  const name = readFile(path.join(electronDir, 'path.txt'))?.trim();
  let bin;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) bin = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron');
  else if (name) bin = path.join(electronDir, 'dist', name);
  return bin && exists(bin) ? bin : undefined;
}

/**
 * Whether Electron can open a window, given what was found. Returns { ok: true } or
 * { ok: false, reason } with a reason short enough for one line ("starting browser mode").
 *   platform, env, uid: the process's (uid is undefined on Windows)
 *   binary: findElectronBinary's answer
 *   sqliteBinding: the better-sqlite3 build for Electron (scripts/electron-native.mjs), if any
 */
export function electronLaunchDecision({ platform, env = {}, uid, binary, sqliteBinding }) {
  if (!binary)
    return { ok: false, reason: 'the Electron binary is not installed and could not be downloaded' };
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') {
    if (!env.DISPLAY && !env.WAYLAND_DISPLAY)
      return { ok: false, reason: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
    if (uid === 0) {
      return {
        ok: false,
        reason: "running as root, where Chromium's sandbox will not start (Flotilla does not disable it)",
      };
    }
  }
  if (!sqliteBinding)
    return {
      ok: false,
      reason:
        'better-sqlite3 has no build for Electron yet (scripts/electron-native.mjs needs the network once)',
    };
  return { ok: true };
}
