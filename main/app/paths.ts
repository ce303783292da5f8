import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirError extends Error {
  readonly code = 'DATA_DIR';
}

export interface DataDirOptions {
  override?: string;
  /** Electron's app.getPath('userData'), when running in the desktop shell. */
  electronUserData?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/** Where the app keeps its database, logs and key file, by the platform's conventions. */
export function resolveDataDir(options: DataDirOptions = {}): string {
  if (options.override) return path.resolve(options.override);
  if (options.electronUserData) return options.electronUserData;
  const env = options.env ?? process.env;
  const home = options.home ?? os.homedir();
  switch (options.platform ?? process.platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Flotilla');
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Flotilla');
    default:
      return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'flotilla');
  }
}

/**
 * mkdir -p, one level at a time: Node 20's recursive mkdirSync spins forever on some paths
 * (e.g. below /proc), where this fails at once with the parent's error.
 */
function makeDirs(dir: string): void {
  if (fs.existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) makeDirs(parent);
  fs.mkdirSync(dir);
}

/** Creates the folder if needed and proves it is writable, or throws one clear line. */
export function ensureWritableDir(dir: string): void {
  try {
    makeDirs(dir);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission denied'
        : code === 'ENOTDIR'
          ? 'a file is in the way'
          : code === 'ENOENT'
            ? 'it cannot be created there'
            : String(code ?? error);
    throw new DataDirError(`Data folder ${dir} is not writable (${why}); choose another with --data-dir`);
  }
}
