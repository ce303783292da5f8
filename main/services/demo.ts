import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract/result';
import type { Logger } from './log';

export interface DemoOptions {
  /** The program and arguments that start kube-sim; `--demo --out <dir>` are appended. */
  command: { program: string; args: string[]; cwd?: string };
  /** Folder for the demo fleet's kubeconfig and certificates. */
  outDir: string;
  log: Logger;
  /** How long to wait for the simulator's ready line. */
  startTimeoutMs?: number;
}

/**
 * The "Start demo fleet" action: runs the simulator as a separate local process, waits for
 * its one JSON line {"ready":true,"kubeconfig":…} and returns the kubeconfig path. The
 * process is stopped by stop() (when the app quits).
 */
export function createDemo(options: DemoOptions) {
  let child: ChildProcess | undefined;
  let kubeconfig: string | undefined;

  async function start(): Promise<string> {
    if (child && kubeconfig && child.exitCode === null) return kubeconfig;
    fs.mkdirSync(options.outDir, { recursive: true });
    const args = [...options.command.args, '--demo', '--out', options.outDir];
    options.log.info(`starting the demo fleet: ${options.command.program} ${args.join(' ')}`);
    const proc = spawn(options.command.program, args, {
      cwd: options.command.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Under Electron, process.execPath is the Electron binary: ask it to behave as Node.
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}),
      },
    });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString()).slice(-4000);
    });
    kubeconfig = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(() => {
        proc.kill();
        reject(
          new AppError(
            'UNAVAILABLE',
            `The demo fleet did not start within ${(options.startTimeoutMs ?? 60_000) / 1000} s. ${stderr.trim()}`,
          ),
        );
      }, options.startTimeoutMs ?? 60_000);
      proc.stdout?.on('data', (c: Buffer) => {
        buffer += c.toString();
        for (const line of buffer.split('\n')) {
          try {
            const msg = JSON.parse(line) as { ready?: boolean; kubeconfig?: string };
            if (msg.ready && msg.kubeconfig) {
              clearTimeout(timer);
              resolve(path.resolve(options.command.cwd ?? '.', msg.kubeconfig));
              return;
            }
          } catch {
            // not the ready line
          }
        }
      });
      proc.on('exit', (code) => {
        clearTimeout(timer);
        reject(
          new AppError(
            'UNAVAILABLE',
            `The demo fleet stopped at start (exit code ${code}). ${stderr.trim()}`,
          ),
        );
      });
      proc.on('error', (error) => {
        clearTimeout(timer);
        reject(new AppError('UNAVAILABLE', `Cannot start the demo fleet: ${error.message}`));
      });
    });
    proc.stdout?.resume();
    proc.on('exit', (code) => {
      options.log.info(`demo fleet stopped (exit code ${code})`);
      if (child === proc) child = undefined;
    });
    return kubeconfig;
  }

  return {
    start,
    running: () => !!child && child.exitCode === null,
    async stop(): Promise<void> {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          proc.kill('SIGKILL');
          resolve();
        }, 3000);
        proc.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
        proc.kill('SIGTERM');
      });
    },
  };
}
export type Demo = ReturnType<typeof createDemo>;
