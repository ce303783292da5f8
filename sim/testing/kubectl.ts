/** Runs the real kubectl against a sim, with its own discovery cache. Fails loudly when no kubectl exists. */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KUBECTL = process.env.KUBECTL ?? 'kubectl';

/** Throws a clear error when kubectl cannot run (tests must fail, not skip). */
export function requireKubectl(): string {
  const r = spawnSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(
      `kubectl not found or not runnable (${KUBECTL}): ${r.error?.message ?? r.stderr}. Install kubectl or set KUBECTL=/path/to/kubectl.`,
    );
  return r.stdout;
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function kubectlRunner(
  kubeconfig: string,
): (args: string[], opts?: { input?: string; timeoutMs?: number }) => Promise<KubectlResult> {
  const home = mkdtempSync(join(tmpdir(), 'kube-sim-kubectl-'));
  return (args, opts = {}) =>
    new Promise((resolve) => {
      const child = execFile(
        KUBECTL,
        args,
        {
          env: { ...process.env, KUBECONFIG: kubeconfig, HOME: home, KUBECACHEDIR: join(home, 'cache') },
          timeout: opts.timeoutMs ?? 60_000,
          maxBuffer: 16 * 1024 * 1024,
        },
        (err, stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
      );
      if (opts.input !== undefined) child.stdin?.end(opts.input);
    });
}
