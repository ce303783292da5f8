import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDemo, forkSim, type Demo, type SimLauncher } from './demo';
import { createLogger } from './log';

/**
 * The demo's process handling, with small real Node scripts in place of kube-sim (the real
 * simulator is started in main/app/areas/fleet.integration.test.ts and, through Electron's
 * utilityProcess, in main/app/electron.test.ts).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-demo-test-'));
const log = createLogger({ dir, verbose: false });
const demos: Demo[] = [];

function script(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
}

function demoOf(file: string, launch?: SimLauncher): Demo {
  const demo = createDemo({
    command: { program: process.execPath, args: [file, '--extra'] },
    outDir: path.join(dir, 'out'),
    log,
    launch,
  });
  demos.push(demo);
  return demo;
}

afterEach(async () => {
  await Promise.all(demos.splice(0).map((d) => d.stop()));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Writes its arguments and pid, prints noise, then the ready line in two pieces; stays up until SIGTERM.
const simLike = script(
  'sim-like.mjs',
  `import fs from 'node:fs';
const out = process.argv[process.argv.indexOf('--out') + 1];
fs.writeFileSync(out + '/args.json', JSON.stringify({ args: process.argv.slice(2), pid: process.pid }));
process.stdout.write('starting\\n{"not":"ready"}\\n{"ready":true,"kube');
setTimeout(() => process.stdout.write('config":"' + out + '/kubeconfig"}\\n'), 50);
process.on('SIGTERM', () => { fs.writeFileSync(out + '/stopped', ''); process.exit(0); });
setInterval(() => {}, 1000);
`,
);

describe('createDemo', () => {
  it('forks the script with its arguments, reads the ready line across chunks, and stops it', async () => {
    const demo = demoOf(simLike);
    const kubeconfig = await demo.start();
    const out = path.join(dir, 'out');
    expect(kubeconfig).toBe(path.join(out, 'kubeconfig'));
    const started = JSON.parse(fs.readFileSync(path.join(out, 'args.json'), 'utf8')) as { args: string[] };
    expect(started.args).toEqual(['--extra', '--demo', '--out', out]);
    expect(demo.running()).toBe(true);
    // A second start while it runs reuses the process.
    expect(await demo.start()).toBe(kubeconfig);
    await demo.stop();
    expect(demo.running()).toBe(false);
    expect(fs.existsSync(path.join(out, 'stopped'))).toBe(true);
  });

  it('uses the launcher it is given, with the same reading of the output', async () => {
    const seen: string[] = [];
    const launch: SimLauncher = (file, args, options) => {
      seen.push(path.basename(file), ...args.slice(0, 2));
      return forkSim(file, args, options);
    };
    const kubeconfig = await demoOf(simLike, launch).start();
    expect(kubeconfig.endsWith('kubeconfig')).toBe(true);
    expect(seen).toEqual(['sim-like.mjs', '--extra', '--demo']);
  });

  it('reports a simulator that exits at start with its exit code and last words', async () => {
    const failing = script('fails.mjs', `process.stderr.write('port 6443 is taken');\nprocess.exit(4);\n`);
    const demo = demoOf(failing);
    await expect(demo.start()).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'The demo fleet stopped at start (exit code 4). port 6443 is taken',
    });
    expect(demo.running()).toBe(false);
  });

  it('reports a program that cannot be started', async () => {
    const demo = createDemo({
      command: { program: path.join(dir, 'no-such-node'), args: [simLike] },
      outDir: path.join(dir, 'out2'),
      log,
    });
    demos.push(demo);
    await expect(demo.start()).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/^Cannot start the demo fleet: .*ENOENT/),
    });
  });

  it('stops a simulator that is still starting, and its start fails', async () => {
    const slow = script('slow.mjs', `process.stdout.write('starting\\n');\nsetInterval(() => {}, 1000);\n`);
    const demo = demoOf(slow);
    const starting = demo.start();
    expect(demo.running()).toBe(true);
    await demo.stop();
    expect(demo.running()).toBe(false);
    await expect(starting).rejects.toThrow(/^The demo fleet stopped at start/);
  });

  it('refuses a command without a script', async () => {
    const demo = createDemo({ command: { program: process.execPath, args: [] }, outDir: dir, log });
    await expect(demo.start()).rejects.toThrow('The simulator command names no script to run.');
  });
});
