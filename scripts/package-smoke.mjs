// Packaging smoke test: packs the desktop app with electron-builder (`--linux dir`) without the
// Electron binary, then checks the package holds what the app needs and nothing it must not.
//
//   node scripts/package-smoke.mjs            build the package into release/ and inspect it (needs `npm run build`)
//   node scripts/package-smoke.mjs --inspect DIR   only inspect an unpacked app folder (DIR/resources/app.asar)
//
// Electron's zip cannot be downloaded here, so electron-builder gets a stub "Electron
// distribution" (-c.electronDist): a folder with a placeholder `electron` executable, which it
// copies and renames like the real one. Native modules are not rebuilt (-c.npmRebuild=false):
// that needs Electron's headers, and the smoke test checks placement, not the ABI.
// Prints one JSON summary on stdout; exits 1 with one line per failed check on stderr.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Built files the packaged app cannot start without. */
const requiredFiles = [
  'dist/main/electron.mjs',
  'dist/preload/index.cjs',
  'dist/renderer/index.html',
  // kube-sim for the demo fleet, started with utilityProcess.fork from inside app.asar.
  'dist/sim/cli.mjs',
  'package.json',
];

/** Packages that are bundled into dist/renderer or used only to build and test: never shipped. */
const forbiddenPackages = [
  'react',
  'react-dom',
  'zustand',
  'monaco-editor',
  'recharts',
  '@tanstack/react-virtual',
  'vite',
  '@vitejs/plugin-react',
  'electron',
  'electron-builder',
  'vitest',
  'typescript',
  'esbuild',
  '@playwright/test',
];

/** Top-level entries allowed in app.asar: the bundles, package.json and production node_modules. */
const allowedTopLevel = new Set(['dist', 'node_modules', 'package.json']);

/**
 * Electron fuses (v1): a sentinel in the binary, then a version byte, a length byte and one
 * byte per fuse ('0' off, '1' on, 'r' removed). electron-builder flips them per
 * electron-builder.yml "electronFuses"; the stub carries a stock wire so that step runs for real.
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const fuseNames = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
/** The wire of an unmodified Electron binary. */
const stockFuseWire = '10110001';

export function fuseWireBytes(wire = stockFuseWire) {
  return Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'latin1'),
  ]);
}

/** Reads the fuse wire of a binary: { name: true | false | 'removed' }, or null without a sentinel. */
export function readFuses(bytes) {
  const at = bytes.indexOf(FUSE_SENTINEL, 0, 'latin1');
  if (at < 0) return null;
  const start = at + FUSE_SENTINEL.length;
  const length = bytes[start + 1];
  const fuses = {};
  for (let i = 0; i < length && i < fuseNames.length; i++) {
    const state = bytes[start + 2 + i];
    fuses[fuseNames[i]] = state === 0x31 ? true : state === 0x30 ? false : 'removed';
  }
  return fuses;
}

function fail(message) {
  process.stderr.write(`package-smoke: ${message}\n`);
  process.exit(1);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** A folder electron-builder accepts as an unpacked Electron distribution for Linux. */
function makeStubElectronDist(version) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-electron-stub-'));
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\n# fuse wire: '),
    fuseWireBytes(),
    Buffer.from('\necho "This is a stub made by scripts/package-smoke.mjs, not Electron." >&2\nexit 1\n'),
  ]);
  fs.writeFileSync(path.join(dir, 'electron'), script, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'version'), `${version}\n`);
  return dir;
}

function runElectronBuilder(output) {
  const electronVersion = readJson(path.join(root, 'node_modules/electron/package.json')).version;
  const stub = makeStubElectronDist(electronVersion);
  fs.rmSync(path.join(output, 'linux-unpacked'), { recursive: true, force: true });
  const cli = path.join(root, 'node_modules/electron-builder/cli.js');
  const args = [
    cli,
    '--linux',
    'dir',
    '--publish',
    'never',
    `-c.electronDist=${stub}`,
    `-c.electronVersion=${electronVersion}`,
    '-c.npmRebuild=false',
    `-c.directories.output=${output}`,
  ];
  const started = Date.now();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
  });
  fs.rmSync(stub, { recursive: true, force: true });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    fail(`electron-builder failed (exit ${result.status ?? result.signal}); see its output above`);
  }
  return { appOutDir: path.join(output, 'linux-unpacked'), seconds: (Date.now() - started) / 1000 };
}

/** Lists files under dir, relative, with forward slashes. */
function walk(dir, prefix = '') {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(path.join(dir, entry.name), rel) : [rel];
  });
}

/**
 * Runs the packed simulator with `--demo`, extracted alone into a temporary folder (so nothing
 * outside its bundle can resolve), until its ready line; then stops it. Returns { ok, detail }.
 */
export async function runPackedSim(asarFile) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-sim-smoke-'));
  try {
    const cli = path.join(dir, 'cli.mjs');
    fs.writeFileSync(cli, asar.extractFile(asarFile, 'dist/sim/cli.mjs'));
    const child = spawn(process.execPath, [cli, '--demo', '--out', path.join(dir, 'out')], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-2000)));
    let ready = false;
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        if (ready || JSON.parse(line).ready !== true) return;
      } catch {
        return;
      }
      ready = true;
      child.kill('SIGTERM');
    });
    // Only a guard against a hang: the simulator is ready in a few seconds.
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const exit = await new Promise((resolve) => {
      child.once('error', (error) => resolve(error.message));
      child.once('close', (code, signal) => resolve(`exit ${code ?? signal}`));
    });
    clearTimeout(guard);
    const lines = stderr.trim().split('\n');
    const why = lines.find((l) => /^kube-sim:|^\w*Error\b/.test(l)) ?? lines.at(-1);
    return ready
      ? { ok: true, detail: 'printed its ready line with --demo, outside node_modules' }
      : { ok: false, detail: `no ready line (${exit}): ${why}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Inspects an unpacked app folder; returns the checks, each { name, ok, detail }. */
export async function inspectPackage(appOutDir, projectPackage, builderConfig) {
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok: Boolean(ok), detail });
  const asarFile = path.join(appOutDir, 'resources', 'app.asar');
  if (!fs.existsSync(asarFile)) {
    check('app.asar exists', false, `${asarFile} is missing`);
    return { checks, entries: 0 };
  }
  const entries = asar.listPackage(asarFile).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''));
  const has = new Set(entries);

  for (const file of requiredFiles)
    check(`app.asar contains ${file}`, has.has(file), has.has(file) ? 'present' : 'missing');
  if (has.has('dist/sim/cli.mjs')) {
    const sim = await runPackedSim(asarFile);
    check('the packed simulator starts the demo fleet on its own', sim.ok, sim.detail);
  }

  if (has.has('package.json')) {
    const packed = JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8'));
    check(
      'package.json "main" points at a packed file',
      packed.main && has.has(packed.main),
      `main is ${JSON.stringify(packed.main)}`,
    );
  }

  const strays = [...new Set(entries.map((e) => e.split('/')[0]))].filter((top) => !allowedTopLevel.has(top));
  check(
    'app.asar holds only dist/, node_modules/ and package.json',
    strays.length === 0,
    strays.length ? `also: ${strays.join(', ')}` : 'ok',
  );
  const maps = entries.filter((e) => e.startsWith('dist/') && e.endsWith('.map'));
  check('no source maps in dist/', maps.length === 0, maps.length ? maps.slice(0, 5).join(', ') : 'ok');

  const unpackedDir = path.join(appOutDir, 'resources', 'app.asar.unpacked');
  const natives = walk(unpackedDir).filter((f) => /^node_modules\/better-sqlite3\/.*\.node$/.test(f));
  const packedNatives = entries.filter((e) => e.endsWith('.node') && !asar.statFile(asarFile, e).unpacked);
  check(
    'no native module is packed inside app.asar',
    packedNatives.length === 0,
    packedNatives.length ? packedNatives.join(', ') : 'ok',
  );
  check(
    "better-sqlite3's native module is in app.asar.unpacked",
    natives.some((f) => f.endsWith('/better_sqlite3.node')),
    natives.length ? natives.join(', ') : `no better-sqlite3 .node file under ${unpackedDir}`,
  );

  const shipped = (name) => has.has(`node_modules/${name}/package.json`);
  const leaked = forbiddenPackages.filter(shipped);
  check(
    'renderer-only and build packages are not packaged',
    leaked.length === 0,
    leaked.length ? `found: ${leaked.join(', ')}` : 'none found',
  );
  const missing = Object.keys(projectPackage.dependencies ?? {}).filter((name) => !shipped(name));
  check(
    'every production dependency is packaged',
    missing.length === 0,
    missing.length ? `missing: ${missing.join(', ')}` : 'all present',
  );

  const exe = path.join(appOutDir, 'flotilla');
  const exeFound = fs.existsSync(exe);
  check('the app executable is named flotilla', exeFound, path.relative(root, exe));
  const wanted = builderConfig.electronFuses ?? {};
  const fuses = exeFound ? readFuses(fs.readFileSync(exe)) : null;
  const wrong = Object.entries(wanted)
    .filter(([name]) => fuseNames.includes(name))
    .filter(([name, value]) => !fuses || fuses[name] !== value)
    .map(
      ([name, value]) =>
        `${name} should be ${value}, is ${fuses ? fuses[name] : 'unreadable (no fuse wire)'}`,
    );
  check(
    'the Electron fuses in electron-builder.yml are set in the executable',
    wrong.length === 0,
    wrong.length ? wrong.join('; ') : `${Object.keys(wanted).length} fuses as configured`,
  );

  const resources = walk(path.join(root, 'resources'));
  const copied = resources.filter((f) => fs.existsSync(path.join(appOutDir, 'resources', 'resources', f)));
  check(
    'resources/ is copied as extraResources',
    copied.length === resources.length,
    `${copied.length} of ${resources.length} files`,
  );
  return { checks, entries: entries.length };
}

async function main(argv) {
  const projectPackage = readJson(path.join(root, 'package.json'));
  const builderConfig = YAML.parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  let appOutDir;
  let seconds = 0;
  const inspectAt = argv.indexOf('--inspect');
  if (inspectAt >= 0) {
    appOutDir = argv[inspectAt + 1];
    if (!appOutDir) fail('--inspect needs the unpacked app folder (the one holding resources/app.asar)');
  } else {
    if (argv.length) fail(`unknown argument ${argv[0]}; use --inspect DIR or nothing`);
    const unbuilt = requiredFiles.filter((f) => !fs.existsSync(path.join(root, f)));
    if (unbuilt.length) fail(`${unbuilt.join(', ')} missing; run npm run build first`);
    ({ appOutDir, seconds } = runElectronBuilder(path.join(root, 'release')));
  }
  const { checks, entries } = await inspectPackage(path.resolve(appOutDir), projectPackage, builderConfig);
  const failed = checks.filter((c) => !c.ok);
  const summary = {
    ok: failed.length === 0,
    appOutDir: path.relative(root, path.resolve(appOutDir)) || '.',
    asarEntries: entries,
    builderSeconds: seconds,
    passed: checks.length - failed.length,
    failed: failed.length,
    checks,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  for (const c of failed) process.stderr.write(`package-smoke: FAILED ${c.name}: ${c.detail}\n`);
  process.exit(failed.length ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main(process.argv.slice(2));
