import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the desktop shell run from source finds better-sqlite3 built for its Electron
 * (made by scripts/electron-native.mjs; the same rule is written there). Packaged apps do not
 * use it: electron-builder rebuilds the module for Electron when packaging.
 */
export function electronSqliteBindingPath(
  root: string,
  where: { electron: string; platform: string; arch: string },
): string {
  return path.join(
    root,
    '.cache',
    'electron-native',
    `electron-${where.electron}-${where.platform}-${where.arch}`,
    'better_sqlite3.node',
  );
}

/** The binding for this Electron when running from source, if it has been built. */
export function findElectronSqliteBinding(
  root: string,
  where: { electron: string; platform: string; arch: string },
) {
  const file = electronSqliteBindingPath(root, where);
  return fs.existsSync(file) ? file : undefined;
}
