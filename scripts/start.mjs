// `npm start`: builds what changed, then opens the desktop window where Electron can run, and
// browser mode where it cannot (or with --web). Other flags go to the app unchanged.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

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

/** The Electron binary's path, fetching it once where the network allows; undefined with a reason otherwise. */
function electronBinary() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display (DISPLAY/WAYLAND_DISPLAY unset)' };
  }
  const pkg = 'node_modules/electron';
  const locate = () => {
    const pathTxt = path.join(pkg, 'path.txt');
    if (!existsSync(pathTxt)) return undefined;
    const bin = path.join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(bin) ? bin : undefined;
  };
  let bin = locate();
  if (!bin && existsSync(path.join(pkg, 'install.js'))) {
    process.stdout.write('Fetching the Electron binary (first start only)…\n');
    spawnSync(process.execPath, ['install.js'], { cwd: pkg, stdio: 'ignore', timeout: 120_000 });
    bin = locate();
  }
  return bin ? { bin } : { reason: 'the Electron binary is not installed and could not be downloaded' };
}

ensureBuilt();
let child;
if (forceWeb) {
  child = spawn(process.execPath, ['dist/main/web.mjs', ...args.filter((a) => a !== '--web')], {
    stdio: 'inherit',
  });
} else {
  const electron = electronBinary();
  if (electron.bin) {
    child = spawn(electron.bin, ['.', ...args], { stdio: 'inherit' });
  } else {
    process.stdout.write(`Electron cannot start here (${electron.reason}); starting browser mode.\n`);
    child = spawn(process.execPath, ['dist/main/web.mjs', ...args], { stdio: 'inherit' });
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
