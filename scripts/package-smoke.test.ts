import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Runs the smoke script's inspection (`--inspect DIR`) on real asar archives laid out like
 * electron-builder's linux-unpacked folder: one good, one with everything wrong.
 * (The full run with electron-builder is `npm run package:smoke`, part of `npm test`.)
 */

const script = path.resolve('scripts/package-smoke.mjs');
const dependencies = Object.keys(
  (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> })
    .dependencies,
);

/** An executable carrying an Electron fuse wire: the fuses electron-builder.yml asks for, or stock ones. */
function executable(flipped: boolean): Buffer {
  const names = [
    'runAsNode',
    'enableCookieEncryption',
    'enableNodeOptionsEnvironmentVariable',
    'enableNodeCliInspectArguments',
    'enableEmbeddedAsarIntegrityValidation',
    'onlyLoadAppFromAsar',
    'loadBrowserProcessSpecificV8Snapshot',
    'grantFileProtocolExtraPrivileges',
  ];
  const stock = '10110001';
  const wanted =
    (
      YAML.parse(fs.readFileSync('electron-builder.yml', 'utf8')) as {
        electronFuses?: Record<string, boolean>;
      }
    ).electronFuses ?? {};
  const wire = names
    .map((name, i) => (flipped && name in wanted ? (wanted[name] ? '1' : '0') : stock[i]))
    .join('');
  return Buffer.concat([
    Buffer.from('#!/bin/sh\n# dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    Buffer.from([1, 8]),
    Buffer.from(wire),
    Buffer.from('\n'),
  ]);
}

function write(root: string, files: Record<string, string>) {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
}

/**
 * Builds appOutDir/resources/app.asar from `files`; `unpack` is an asar glob for unpacked files.
 * The project's resources/ (sample snapshot, bundled schema) is copied as electron-builder's
 * extraResources would.
 */
async function layout(appOutDir: string, files: Record<string, string>, unpack?: string, fused = true) {
  const staging = `${appOutDir}-staging`;
  write(staging, files);
  fs.mkdirSync(path.join(appOutDir, 'resources'), { recursive: true });
  fs.cpSync('resources', path.join(appOutDir, 'resources', 'resources'), { recursive: true });
  await asar.createPackageWithOptions(
    staging,
    path.join(appOutDir, 'resources', 'app.asar'),
    unpack ? { unpack } : {},
  );
  fs.writeFileSync(path.join(appOutDir, 'flotilla'), executable(fused), { mode: 0o755 });
}

function inspect(appOutDir: string) {
  const result = spawnSync(process.execPath, [script, '--inspect', appOutDir], { encoding: 'utf8' });
  return {
    status: result.status,
    summary: JSON.parse(result.stdout) as {
      ok: boolean;
      checks: Array<{ name: string; ok: boolean; detail: string }>;
    },
    stderr: result.stderr,
  };
}

describe('package-smoke --inspect', () => {
  let tmp: string;
  const base = () => ({
    'package.json': JSON.stringify({ name: 'flotilla', main: 'dist/main/electron.mjs' }),
    'dist/main/electron.mjs': 'export {}',
    'dist/preload/index.cjs': '',
    'dist/renderer/index.html': '<!doctype html>',
    // A stand-in for the bundled kube-sim: the ready line it prints with --demo, then it runs until SIGTERM.
    'dist/sim/cli.mjs': [
      "if (!process.argv.includes('--demo')) process.exit(2);",
      "process.stdout.write(JSON.stringify({ ready: true, kubeconfig: 'out/kubeconfig' }) + '\\n');",
      'setInterval(() => {}, 1000);',
    ].join('\n'),
    ...Object.fromEntries(
      dependencies.map((name) => [`node_modules/${name}/package.json`, JSON.stringify({ name })]),
    ),
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node': 'binary',
  });

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-smoke-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('passes a package that has what the app needs and nothing else', async () => {
    const dir = path.join(tmp, 'good');
    await layout(dir, base(), '*.node');
    const { status, summary, stderr } = inspect(dir);
    expect(stderr).toBe('');
    expect(summary.checks.filter((c) => !c.ok)).toEqual([]);
    expect(summary.ok).toBe(true);
    expect(status).toBe(0);
  });

  it('fails, naming each problem, when the package is wrong', async () => {
    const dir = path.join(tmp, 'bad');
    const files: Record<string, string> = {
      ...base(),
      'package.json': JSON.stringify({ name: 'flotilla', main: 'dist/main/missing.mjs' }),
      'node_modules/react/package.json': '{}',
      'node_modules/monaco-editor/package.json': '{}',
      'node_modules/vite/package.json': '{}',
      'src/secret.ts': 'export {}',
      'dist/main/electron.mjs.map': '{}',
      // A simulator that was not bundled: its dependency is not beside it in the package.
      'dist/sim/cli.mjs': "import 'ws';\nprocess.stdout.write('{\"ready\":true}\\n');\n",
    };
    delete files['dist/preload/index.cjs'];
    delete files['node_modules/ws/package.json'];
    await layout(dir, files, undefined, false); // nothing unpacked; stock fuses
    const { status, summary, stderr } = inspect(dir);
    expect(status).toBe(1);
    expect(summary.ok).toBe(false);
    const failed = Object.fromEntries(summary.checks.filter((c) => !c.ok).map((c) => [c.name, c.detail]));
    expect(failed).toEqual({
      'app.asar contains dist/preload/index.cjs': 'missing',
      'package.json "main" points at a packed file': 'main is "dist/main/missing.mjs"',
      'app.asar holds only dist/, node_modules/ and package.json': 'also: src',
      'no source maps in dist/': 'dist/main/electron.mjs.map',
      'no native module is packed inside app.asar':
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      "better-sqlite3's native module is in app.asar.unpacked": expect.stringContaining(
        'no better-sqlite3 .node file',
      ),
      'renderer-only and build packages are not packaged': 'found: react, monaco-editor, vite',
      'every production dependency is packaged': 'missing: ws',
      'the packed simulator starts the demo fleet on its own': expect.stringMatching(
        /^no ready line \(exit 1\): .*Cannot find package 'ws'/,
      ),
      'the Electron fuses in electron-builder.yml are set in the executable': expect.stringContaining(
        'runAsNode should be false, is true',
      ),
    });
    expect(stderr).toContain(
      'package-smoke: FAILED renderer-only and build packages are not packaged: found: react, monaco-editor, vite',
    );
  });

  it('reports a folder without app.asar', () => {
    const dir = path.join(tmp, 'empty');
    fs.mkdirSync(dir);
    const { status, summary } = inspect(dir);
    expect(status).toBe(1);
    expect(summary.checks[0]).toMatchObject({ name: 'app.asar exists', ok: false });
  });

  it('rejects unknown arguments with one line', () => {
    const result = spawnSync(process.execPath, [script, '--bogus'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('package-smoke: unknown argument --bogus; use --inspect DIR or nothing\n');
  });
});
