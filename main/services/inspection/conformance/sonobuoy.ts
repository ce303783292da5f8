/**
 * Conformance runs with the user's own `sonobuoy` CLI: `sonobuoy run --mode … --wait`, then
 * `retrieve` (the results tarball) and `delete --wait` (remove what it installed), each against a
 * temporary kubeconfig for the one cluster (user-only file, removed afterwards).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type ConformanceMode = 'quick' | 'non-disruptive';

export const SONOBUOY_MISSING =
  'The sonobuoy CLI is not on PATH. Install it (https://github.com/vmware-tanzu/sonobuoy/releases) and restart Flotilla to run conformance from here; results tarballs from `sonobuoy retrieve` can be imported meanwhile.';

/** Sonobuoy's name for a mode. */
export const sonobuoyMode = (m: ConformanceMode) => (m === 'quick' ? 'quick' : 'non-disruptive-conformance');

/** The three command lines of a run, in order. */
export function sonobuoyCommands(
  mode: ConformanceMode,
  kubeconfig: string,
  outDir: string,
): { run: string[]; retrieve: string[]; delete: string[] } {
  const kc = ['--kubeconfig', kubeconfig];
  return {
    run: ['run', ...kc, '--mode', sonobuoyMode(mode), '--wait'],
    retrieve: ['retrieve', outDir, ...kc],
    delete: ['delete', ...kc, '--wait'],
  };
}

/** The executable's full path when it is on PATH (PATHEXT-aware on Windows). */
export function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      try {
        fs.accessSync(file, platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
        if (fs.statSync(file).isFile()) return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command; stdout/stderr lines go to onLine; abort kills it. */
export function execCommand(
  bin: string,
  args: string[],
  opts: { signal?: AbortSignal; onLine?: (line: string) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: opts.env ?? process.env, signal: opts.signal, windowsHide: true });
    let stdout = '';
    let stderr = '';
    const lines = (chunk: string) => {
      for (const l of chunk.split(/\r?\n/)) if (l.trim()) opts.onLine?.(l);
    };
    child.stdout.setEncoding('utf8').on('data', (c: string) => ((stdout += c), lines(c)));
    child.stderr.setEncoding('utf8').on('data', (c: string) => ((stderr += c), lines(c)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export interface AvailableResult {
  available: boolean;
  version?: string;
  message: string;
}

export async function sonobuoyAvailable(env: NodeJS.ProcessEnv = process.env): Promise<AvailableResult> {
  const bin = findOnPath('sonobuoy', env);
  if (!bin) return { available: false, message: SONOBUOY_MISSING };
  try {
    const r = await execCommand(bin, ['version', '--short'], { env });
    const version = r.stdout.trim().split('\n')[0];
    return { available: true, ...(version ? { version } : {}), message: `sonobuoy at ${bin}` };
  } catch (e) {
    return { available: false, message: `sonobuoy at ${bin} did not start: ${(e as Error).message}` };
  }
}

export interface RunConformanceOptions {
  mode: ConformanceMode;
  /** A kubeconfig (YAML) for exactly the cluster to test. */
  kubeconfigYaml: string;
  signal?: AbortSignal;
  onLine?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

const tail = (s: string) => s.trim().split('\n').slice(-5).join('\n');

/** Runs Sonobuoy and returns the retrieved results tarball's bytes and name. */
export async function runSonobuoy(o: RunConformanceOptions): Promise<{ file: string; data: Buffer }> {
  const env = o.env ?? process.env;
  const bin = findOnPath('sonobuoy', env);
  if (!bin) throw new Error(SONOBUOY_MISSING);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-sonobuoy-'));
  try {
    const kubeconfig = path.join(dir, 'kubeconfig');
    fs.writeFileSync(kubeconfig, o.kubeconfigYaml, { mode: 0o600 });
    const out = path.join(dir, 'results');
    fs.mkdirSync(out);
    const cmd = sonobuoyCommands(o.mode, kubeconfig, out);
    const step = async (args: string[], signal = o.signal) => {
      const r = await execCommand(bin, args, { signal, onLine: o.onLine, env });
      if (r.code !== 0)
        throw new Error(`sonobuoy ${args[0]} exited with ${r.code}: ${tail(r.stderr || r.stdout)}`);
      return r;
    };
    let result: { file: string; data: Buffer };
    try {
      await step(cmd.run);
      await step(cmd.retrieve);
      const files = fs.readdirSync(out).filter((f) => f.endsWith('.tar.gz'));
      if (!files.length) throw new Error('sonobuoy retrieve wrote no results tarball');
      result = { file: files[0]!, data: fs.readFileSync(path.join(out, files[0]!)) };
    } finally {
      // Always clean up, also after a cancel (so without the run's signal).
      await step(cmd.delete, undefined).catch((e: Error) => o.onLine?.(e.message));
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
