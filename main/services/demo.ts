import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { AppError } from '../../shared/contract/result';
import type { Logger } from './log';

/**
 * A started simulator process, whichever way it was started: Node's child_process.fork here,
 * Electron's utilityProcess.fork in the desktop app (main/app/electron-sim.ts). The demo only
 * reads its stdout and stderr, waits for its exit and stops it, so both fit behind this.
 */
export interface SimProcess {
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  /** Called once when the process has ended, or could not start (with why). */
  onExit(listener: (code: number | null, problem?: string) => void): void;
  /** Asks it to stop (SIGTERM on POSIX): the simulator closes its servers and exits. */
  stop(): void;
  /** Ends it at once, when stop() was not enough. */
  kill(): void;
}

/** Starts `script` (an ES module or CommonJS file) with `args` in a separate process. */
export type SimLauncher = (
  script: string,
  args: string[],
  options: { execPath: string; cwd?: string; env: NodeJS.ProcessEnv },
) => SimProcess;

/** Plain Node: child_process.fork (browser mode and the CLI, which run under Node). */
export const forkSim: SimLauncher = (script, args, { execPath, cwd, env }) => {
  const child = fork(script, args, { execPath, cwd, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let closed = false;
  child.once('close', () => (closed = true));
  return {
    stdout: child.stdout,
    stderr: child.stderr,
    onExit(listener) {
      let told = false;
      const tell = (code: number | null, problem?: string) => {
        if (!told) listener(code, problem);
        told = true;
      };
      if (closed) return tell(child.exitCode);
      // 'close' comes after 'exit' once stdout and stderr are read to the end: no last words are lost.
      child.once('close', (code) => tell(code));
      child.once('error', (error) => tell(null, error.message));
    },
    stop: () => void child.kill('SIGTERM'),
    kill: () => void child.kill('SIGKILL'),
  };
};

export interface DemoOptions {
  /**
   * kube-sim's entry: `args[0]` is the script, the rest its arguments (`--demo --out <dir>` are
   * appended); `program` is the Node executable for plain forks.
   */
  command: { program: string; args: string[]; cwd?: string };
  /** Folder for the demo fleet's kubeconfig and certificates. */
  outDir: string;
  log: Logger;
  /** How long to wait for the simulator's ready line. */
  startTimeoutMs?: number;
  /**
   * How to start the process (default child_process.fork). The desktop shell passes
   * utilityProcess.fork: a packaged Electron app has the RunAsNode fuse off, so its own binary
   * cannot be asked to act as Node.
   */
  launch?: SimLauncher;
}

/** The simulator's one JSON line on stdout once every cluster listens. */
function readyKubeconfig(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const msg = JSON.parse(line) as { ready?: boolean; kubeconfig?: unknown };
    return msg.ready === true && typeof msg.kubeconfig === 'string' ? msg.kubeconfig : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The "Start demo fleet" action: runs the simulator as a separate local process, waits for
 * its one JSON line {"ready":true,"kubeconfig":…} and returns the kubeconfig path. The
 * process is stopped by stop() (when the app quits).
 */
export function createDemo(options: DemoOptions) {
  let current: { proc: SimProcess; alive: boolean; ready: Promise<string> } | undefined;

  function start(): Promise<string> {
    if (current?.alive) return current.ready;
    const [script, ...rest] = options.command.args;
    if (!script)
      return Promise.reject(new AppError('UNAVAILABLE', 'The simulator command names no script to run.'));
    fs.mkdirSync(options.outDir, { recursive: true });
    const args = [...rest, '--demo', '--out', options.outDir];
    const launch = options.launch ?? forkSim;
    options.log.info(`starting the demo fleet: ${script} ${args.join(' ')}`);
    const proc = launch(script, args, {
      execPath: options.command.program,
      cwd: options.command.cwd,
      // The app's own loader flags (tsx, a debugger) are not the simulator's.
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const run = { proc, alive: true, ready: waitForReady(proc) };
    proc.onExit((code) => {
      run.alive = false;
      if (current === run) current = undefined;
      options.log.info(`demo fleet stopped (exit code ${code})`);
    });
    current = run;
    return run.ready;
  }

  /** Resolves with the kubeconfig of the ready line; rejects when the process ends or times out first. */
  function waitForReady(proc: SimProcess): Promise<string> {
    let stderr = '';
    proc.stderr?.on('data', (c: Buffer | string) => {
      stderr = (stderr + c.toString()).slice(-4000);
    });
    // Read to the end, so the pipe never fills and blocks the simulator.
    const lines = proc.stdout ? readline.createInterface({ input: proc.stdout }) : undefined;
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const settle = (error: AppError | undefined, value = '') => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(value);
      };
      const timer = setTimeout(() => {
        proc.kill();
        settle(
          new AppError(
            'UNAVAILABLE',
            `The demo fleet did not start within ${timeoutMs / 1000} s. ${stderr.trim()}`,
          ),
        );
      }, timeoutMs);
      lines?.on('line', (line) => {
        const kubeconfig = readyKubeconfig(line);
        if (kubeconfig) settle(undefined, path.resolve(options.command.cwd ?? '.', kubeconfig));
      });
      if (!lines) settle(new AppError('UNAVAILABLE', 'The demo fleet process has no output to read.'));
      proc.onExit((code, problem) =>
        settle(
          new AppError(
            'UNAVAILABLE',
            problem
              ? `Cannot start the demo fleet: ${problem}`
              : `The demo fleet stopped at start (exit code ${code}). ${stderr.trim()}`,
          ),
        ),
      );
    });
  }

  return {
    start,
    running: () => current?.alive === true,
    async stop(): Promise<void> {
      const run = current;
      current = undefined;
      if (!run?.alive) return;
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          run.proc.kill();
          resolve();
        }, 3000);
        run.proc.onExit(() => {
          clearTimeout(t);
          resolve();
        });
        run.proc.stop();
      });
    },
  };
}
export type Demo = ReturnType<typeof createDemo>;
