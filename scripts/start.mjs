// `npm start`: builds what changed, then opens the desktop window where Electron can run, and
// browser mode where it cannot (or with --web). Other flags go to the app unchanged.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { electronLaunchDecision, findElectronBinary } from './electron-available.mjs';
import { electronSqliteBindingPath, ensureElectronSqlite } from './electron-native.mjs';

const args = process.argv.slice(2);
const forceWeb = args.includes('--web');

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const stamp = 'dist/main/web.mjs';
  const sources = Math.max(...['main', 'preload', 'renderer', 'shared', 'sim'].map(newestMtime));
  if (existsSync(stamp) && existsSync('dist/renderer/index.html') && statSync(stamp).mtimeMs >= sources)
    return;
  process.stdout.write('Building Flotilla…\n');
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('flotilla: the build failed (see above)\n');
    process.exit(1);
  }
}

/** Decides between the desktop window and browser mode; fetches what Electron needs once where it can. */
function electronLaunch() {
  const facts = {
    readFile: (f) => (existsSync(f) ? readFileSync(f, 'utf8') : undefined),
    exists: existsSync,
  };
  const electronDir = 'node_modules/electron';
  let binary = findElectronBinary({ electronDir, env: process.env, ...facts });
  const canDisplay = process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!binary && canDisplay && existsSync(path.join(electronDir, 'install.js'))) {
    process.stdout.write('Fetching the Electron binary (first start only)…\n');
    spawnSync(process.execPath, ['install.js'], { cwd: electronDir, stdio: 'ignore', timeout: 120_000 });
    binary = findElectronBinary({ electronDir, env: process.env, ...facts });
  }
  let sqliteBinding;
  if (binary && canDisplay && process.getuid?.() !== 0) {
    const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
    if (
      !existsSync(
        electronSqliteBindingPath(process.cwd(), {
          electron: version,
          platform: process.platform,
          arch: process.arch,
        }),
      )
    ) {
      process.stdout.write('Building better-sqlite3 for Electron (first start only, may take minutes)…\n');
    }
    const native = ensureElectronSqlite({ electron: version });
    sqliteBinding = native.ok ? native.path : undefined;
    if (!native.ok) process.stdout.write(`${native.reason}\n`);
  }
  const decision = electronLaunchDecision({
    platform: process.platform,
    env: process.env,
    uid: process.getuid?.(),
    binary,
    sqliteBinding,
  });
  return decision.ok ? { bin: binary } : { reason: decision.reason };
}

ensureBuilt();
let child;
if (forceWeb) {
  child = spawn(process.execPath, ['dist/main/web.mjs', ...args.filter((a) => a !== '--web')], {
    stdio: 'inherit',
  });
} else {
  const electron = electronLaunch();
  if (electron.bin) {
    child = spawn(electron.bin, ['.', ...args], { stdio: 'inherit' });
  } else {
    process.stdout.write(`Electron cannot start here (${electron.reason}); starting browser mode.\n`);
    child = spawn(process.execPath, ['dist/main/web.mjs', ...args], { stdio: 'inherit' });
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
