// better-sqlite3 for Electron, beside the Node build.
//
// `npm install` compiles better-sqlite3 for the system Node (tests, CLI, browser mode). Electron
// embeds its own Node with another ABI, so the desktop shell run from source needs a second
// build of the same module. This script makes it once per Electron version, in
// .cache/electron-native/electron-<version>-<platform>-<arch>/better_sqlite3.node, from a copy
// of node_modules/better-sqlite3 (the Node build is never touched): first the project's prebuilt
// binary for that Electron (prebuild-install), else a compile against Electron's headers
// (node-gyp --dist-url=https://electronjs.org/headers). Both need the network once.
// The desktop shell finds the file by the same rule (main/app/electron-native.ts). Packaged apps
// do not use it: electron-builder rebuilds the module for Electron when packaging.
//
//   node scripts/electron-native.mjs                 ensure the build; print its path
//   node scripts/electron-native.mjs --print-path    print where it goes, build nothing
//   --electron-version V  (default: node_modules/electron's version)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the Electron build of better-sqlite3 lives (keep in step with main/app/electron-native.ts). */
export function electronSqliteBindingPath(root, { electron, platform, arch }) {
  return path.join(
    root,
    '.cache',
    'electron-native',
    `electron-${electron}-${platform}-${arch}`,
    'better_sqlite3.node',
  );
}

/** One line from a tool's output: the first that names a cause, else the last. */
export function summariseFailure(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const patterns = [
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT/,
    /No prebuilt|404|not found|not installed/i,
    /error/i,
  ];
  if (lines.some((l) => /network connectivity/i.test(l)))
    return 'network error (node-gyp could not download the headers)';
  const cause = patterns.map((p) => lines.find((l) => p.test(l))).find(Boolean);
  return (cause ?? lines.at(-1) ?? 'no output').replace(/^(prebuild-install|gyp) (warn|ERR!)( \w+)*? ?/, '');
}

function run(cmd, args, cwd, timeout) {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  return { ok: result.status === 0, output: result.error ? String(result.error) : summariseFailure(output) };
}

/**
 * Ensures the Electron build exists. Returns { ok: true, path, built } or { ok: false, reason }
 * with one line saying what failed; never throws for an expected failure (no network, no compiler).
 */
export function ensureElectronSqlite({
  root = projectRoot,
  electron,
  platform = process.platform,
  arch = process.arch,
} = {}) {
  const target = electronSqliteBindingPath(root, { electron, platform, arch });
  if (fs.existsSync(target)) return { ok: true, path: target, built: false };
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  if (!fs.existsSync(path.join(source, 'package.json'))) {
    return { ok: false, reason: `${source} is missing; run npm install` };
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-electron-sqlite-'));
  try {
    const copy = path.join(work, 'better-sqlite3');
    fs.cpSync(source, copy, { recursive: true, filter: (file) => path.relative(source, file) !== 'build' });
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    const attempts = [];
    const prebuild = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
    if (fs.existsSync(prebuild)) {
      const r = run(
        process.execPath,
        [prebuild, '--runtime', 'electron', '--target', electron, '--arch', arch, '--platform', platform],
        copy,
        120_000,
      );
      attempts.push(`prebuilt binary: ${r.ok ? 'ok' : r.output}`);
    }
    const gyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (!fs.existsSync(built) && fs.existsSync(gyp)) {
      const r = run(
        process.execPath,
        [
          gyp,
          'rebuild',
          '--release',
          `--target=${electron}`,
          `--arch=${arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        copy,
        900_000,
      );
      attempts.push(`compile against Electron headers: ${r.ok ? 'ok' : r.output}`);
    }
    if (!fs.existsSync(built)) {
      return {
        ok: false,
        reason: `could not build better-sqlite3 for Electron ${electron} (${attempts.join('; ') || 'no build tool found'})`,
      };
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, `${target}.partial`);
    fs.renameSync(`${target}.partial`, target);
    return { ok: true, path: target, built: true };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main(argv) {
  let electron;
  let printOnly = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--print-path') printOnly = true;
    else if (argv[i] === '--electron-version' && argv[i + 1]) electron = argv[++i];
    else {
      process.stderr.write(`electron-native: unknown argument ${argv[i]}\n`);
      process.exit(2);
    }
  }
  electron ??= JSON.parse(
    fs.readFileSync(path.join(projectRoot, 'node_modules/electron/package.json'), 'utf8'),
  ).version;
  const where = { electron, platform: process.platform, arch: process.arch };
  if (printOnly) {
    process.stdout.write(`${electronSqliteBindingPath(projectRoot, where)}\n`);
    return;
  }
  const result = ensureElectronSqlite({ root: projectRoot, ...where });
  if (!result.ok) {
    process.stderr.write(`electron-native: ${result.reason}\n`);
    process.exit(1);
  }
  process.stdout.write(`${result.path}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
