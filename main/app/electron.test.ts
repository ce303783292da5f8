import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopCsp } from './window';

/**
 * The desktop entry, bundled as `npm run build` bundles it, run under plain Node with
 * electron-harness/ standing in for the `electron` module (the binary cannot run here).
 * It checks the wiring the unit tests cannot see: that electron.ts really uses the window
 * factory, serves app://, binds IPC with the sender check, hardens every web contents, builds
 * the menu, and closes the store on quit.
 */

// Laid out like the project: <root>/dist/{main,preload,renderer}, <root>/.cache/electron-native.
const harnessRoot = path.resolve('.cache', `electron-harness-${process.pid}`);
const dist = path.join(harnessRoot, 'dist');
const register = path.resolve('main/app/electron-harness/register.mjs');
let dataDir: string;

function runEntry(args: string[], scenario = 'window') {
  const result = spawnSync(
    process.execPath,
    ['--import', register, path.join(dist, 'main', 'electron.mjs'), ...args],
    {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, FORCE_COLOR: '0', HARNESS_SCENARIO: scenario },
    },
  );
  const line = result.stdout.split('\n').find((l) => l.startsWith('HARNESS '));
  return {
    status: result.status,
    stderr: result.stderr,
    report: line ? (JSON.parse(line.slice('HARNESS '.length)) as Record<string, unknown>) : undefined,
  };
}

beforeAll(async () => {
  fs.rmSync(harnessRoot, { recursive: true, force: true });
  await build({
    entryPoints: { electron: 'main/app/electron.ts' },
    outdir: path.join(dist, 'main'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  // The demo fleet's simulator, bundled as scripts/build.mjs bundles it for the packaged app.
  await build({
    entryPoints: ['sim/cli.ts'],
    outfile: path.join(dist, 'sim', 'cli.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  // The entry checks these exist; the stand-in does not run a renderer or a preload.
  fs.mkdirSync(path.join(dist, 'preload'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'preload', 'index.cjs'), '');
  fs.mkdirSync(path.join(dist, 'renderer'), { recursive: true });
  fs.writeFileSync(
    path.join(dist, 'renderer', 'index.html'),
    '<!doctype html><title>Flotilla harness</title>',
  );
  // From source the entry loads better-sqlite3 built for Electron; under Node, Node's build is that.
  const electron = (
    JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
  ).version;
  const binding = path.join(
    harnessRoot,
    '.cache',
    'electron-native',
    `electron-${electron}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
  fs.mkdirSync(path.dirname(binding), { recursive: true });
  fs.copyFileSync('node_modules/better-sqlite3/build/Release/better_sqlite3.node', binding);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-desktop-'));
}, 60_000);

afterAll(() => {
  fs.rmSync(harnessRoot, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('desktop entry (electron.ts) under a stand-in Electron', () => {
  it('starts, serves the app, answers IPC from its window only, and closes cleanly', () => {
    const { status, report, stderr } = runEntry(['--data-dir', dataDir, '--no-demo']);
    expect(report?.harnessError).toBeUndefined();
    expect(status).toBe(0);
    // Only the refusals the harness provoked, logged as warnings.
    const lines = stderr.trim().split('\n');
    expect(lines.every((l) => / WARN {2}\[flotilla:/.test(l))).toBe(true);
    expect(stderr).toContain('Refused IPC call "app.info": the sender is not a Flotilla window');
    expect(stderr).toContain('Refused to open "javascript:alert(1)": scheme javascript: is not allowed');
    expect(stderr).toContain('Blocked navigation to "https://evil.example/"');
    const r = report as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

    expect(r.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(r.windowOptions.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: true, // running from source
      preload: path.join(dist, 'preload', 'index.cjs'),
    });
    expect(r.loadedUrl).toBe('app://flotilla/index.html');
    expect(r.shown).toBe(true);
    expect(r.page).toEqual({
      status: 200,
      csp: desktopCsp,
      body: '<!doctype html><title>Flotilla harness</title>',
    });
    expect(r.escape).toBe(404);

    expect(r.callFromWindow).toMatchObject({
      ok: true,
      value: { name: 'Flotilla', shell: 'electron', dataDir },
    });
    expect(r.callFromStranger).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(r.badInput).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(r.eventsSent).toEqual([['flotilla:event', 'settings.changed', { theme: 'dark' }]]);

    expect(r.openDecisions).toEqual([
      ['https://kubernetes.io/docs/', 'deny'],
      ['javascript:alert(1)', 'deny'],
      ['https://user@github.com/', 'deny'],
    ]);
    expect(r.navigationPrevented).toEqual({ evil: true, app: false });
    expect(r.webviewPrevented).toBe(true);
    expect(r.opened).toEqual(['https://kubernetes.io/docs/']);

    expect(r.menu).toEqual(
      process.platform === 'darwin'
        ? ['Flotilla', 'File', 'Edit', 'View', 'windowMenu', 'help']
        : ['File', 'Edit', 'View', 'help'],
    );
    // File ▸ Open Kubeconfig…: a cancelled dialog sends nothing; chosen files go to the window as one event.
    expect(r.openKubeconfigItem).toEqual({ label: 'Open Kubeconfig…', enabled: true });
    expect(r.sentAfterCancel).toEqual([]);
    expect(r.sentAfterOpen).toEqual([
      [
        'flotilla:event',
        'app.openKubeconfig',
        { paths: ['/home/op/.kube/config', '/home/op/Downloads/prod.yaml'] },
      ],
    ]);
    expect(r.openDialogs).toHaveLength(2);
    expect(r.openDialogs[0]).toMatchObject({
      title: 'Open Kubeconfig',
      defaultPath: '/home/op/.kube',
      properties: expect.arrayContaining(['openFile', 'multiSelections']),
    });
    expect(r.permissionHandlers).toEqual(['request', 'check', 'device']);
    expect(r.headerFilter).toEqual({ urls: ['app://*/*'] });
    expect(r.userData).toBe(dataDir);
    expect(r.sessionData).toBe(path.join(dataDir, 'chromium'));
    expect(r.quitSteps).toEqual(['will-quit deferred', 'quit']);
    expect(r.errors).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'flotilla.db'))).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, 'flotilla.log'), 'utf8')).toContain('desktop shell stopped');
  });

  it('starts the demo fleet in a utility process (not ELECTRON_RUN_AS_NODE), attaches it, and stops it on quit', () => {
    const demoData = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-desktop-demo-'));
    try {
      const { status, report, stderr } = runEntry(['--data-dir', demoData, '--no-demo'], 'demo');
      expect(report?.harnessError).toBeUndefined();
      expect(status, stderr).toBe(0);
      const r = report as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(r.utilityForks).toHaveLength(1);
      const [forked] = r.utilityForks as Array<Record<string, unknown>>;
      expect(forked).toMatchObject({
        modulePath: path.join(dist, 'sim', 'cli.mjs'),
        serviceName: 'kube-sim',
        runAsNode: null,
      });
      expect(forked!.args).toEqual(['--demo', '--out', path.join(demoData, 'demo-fleet')]);
      expect(r.demo).toMatchObject({ ok: true });
      expect(r.demo.value.attached).toHaveLength(3);
      expect(r.demo.value.kubeconfig).toBe(path.join(demoData, 'demo-fleet', 'kubeconfig'));
      expect(r.clusters.value.items.map((c: { name: string }) => c.name).sort()).toEqual([
        'aks-prod-eastus',
        'tanzu-kubernetes',
        'tkg-01',
      ]);
      // Quitting stopped the simulator.
      expect(() => process.kill(forked!.pid as number, 0)).toThrow(/ESRCH/);
      expect(fs.readFileSync(path.join(demoData, 'flotilla.log'), 'utf8')).toMatch(
        /demo fleet stopped \(exit code 0\)/,
      );
    } finally {
      fs.rmSync(demoData, { recursive: true, force: true });
    }
  });

  it('refuses an unknown flag with one line, in the terminal and in a dialog', () => {
    const { status, stderr, report } = runEntry(['--bogus']);
    expect(report).toBeUndefined();
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /^flotilla: Unknown option '--bogus'.*\ndialog: Flotilla cannot start: Unknown option '--bogus'/,
    );
  });

  it('refuses an unwritable data folder with one line', () => {
    const file = path.join(dataDir, 'a-file');
    fs.writeFileSync(file, '');
    const { status, stderr } = runEntry(['--data-dir', path.join(file, 'sub')]);
    expect(status).toBe(1);
    expect(stderr.split('\n')[0]).toMatch(
      /^flotilla: Data folder .* is not writable \(a file is in the way\)/,
    );
  });
});
