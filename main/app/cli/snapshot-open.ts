import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SnapshotError } from '../../services/snapshots/format';
import { openSnapshot } from '../../services/snapshots/reader';
import { snapshotId, snapshotView } from '../../services/snapshots/view';
import { openDatabase } from '../../store/db';
import { createSourceStore } from '../../store/sources';
import { resolveDataDir } from '../paths';
import type { CliIo } from './io';

/**
 * `flotilla open FILE [app options]`: checks the snapshot, records it as an open source in the
 * data folder (the app reopens recorded sources at start), then starts the app — the desktop
 * window where it can run, browser mode otherwise (or with --web) — with the other options.
 */

export const OPEN_USAGE = `Usage: flotilla open FILE.flotilla [--web] [--port N] [--data-dir DIR] [--no-open] [--no-demo]

Opens a snapshot read-only and starts Flotilla with it open (its clusters, nodes, workloads and
YAML browsable offline). Options after FILE go to the app (see flotilla --help of the app).
  --no-start   only record it as open; the app shows it the next time it starts

Exit codes: 0 ok, 1 the file cannot be opened, 2 usage error.`;

/** How to start the app from here: the repository's launcher, or the built browser-mode bundle. */
function appCommand(): { program: string; args: string[]; cwd?: string } | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const start = path.join(dir, 'scripts', 'start.mjs');
    if (fs.existsSync(start) && fs.existsSync(path.join(dir, 'package.json'))) {
      return { program: process.execPath, args: [start], cwd: dir };
    }
  }
  const web = [path.join(here, 'web.mjs'), path.join(here, '../main/web.mjs')].find((f) => fs.existsSync(f));
  return web ? { program: process.execPath, args: [web] } : undefined;
}

/** Records `file` as an open snapshot source in the data folder's database; returns its id. */
export function rememberSnapshot(file: string, dataDir: string): { id: string; label: string } {
  const abs = path.resolve(file);
  const id = snapshotId(abs);
  const snap = openSnapshot(abs, id);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const db = openDatabase(path.join(dataDir, 'flotilla.db'));
    try {
      const view = snapshotView(id, snap);
      createSourceStore(db).put({
        id,
        kind: 'snapshot',
        path: abs,
        view: JSON.stringify(view),
        openedAt: new Date().toISOString(),
      });
      return { id, label: view.label };
    } finally {
      db.close();
    }
  } finally {
    snap.close();
  }
}

export async function openCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${OPEN_USAGE}\n`);
    return 0;
  }
  const [file, ...appArgs] = argv;
  if (!file || file.startsWith('-')) {
    io.err(`flotilla open: give a .flotilla FILE\n${OPEN_USAGE}\n`);
    return 2;
  }
  const noStart = appArgs.includes('--no-start');
  const rest = appArgs.filter((a) => a !== '--no-start');
  const dirFlag = rest.indexOf('--data-dir');
  const dataDir = resolveDataDir({ override: dirFlag >= 0 ? rest[dirFlag + 1] : undefined });
  let opened: { id: string; label: string };
  try {
    opened = rememberSnapshot(file, dataDir);
  } catch (error) {
    const message = error instanceof SnapshotError || error instanceof Error ? error.message : String(error);
    io.err(`flotilla open: ${message}\n`);
    return 1;
  }
  io.out(`${opened.label} (${opened.id}) is open in ${dataDir}\n`);
  if (noStart) return 0;
  const app = appCommand();
  if (!app) {
    io.err(
      'flotilla open: the app is not part of this installation (no launcher found); start Flotilla to see it\n',
    );
    return 1;
  }
  const child = spawn(app.program, [...app.args, ...rest], { cwd: app.cwd, stdio: 'inherit' });
  return await new Promise<number>((resolve) => {
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', (e) => {
      io.err(`flotilla open: cannot start the app: ${e.message}\n`);
      resolve(1);
    });
  });
}
