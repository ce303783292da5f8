import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { KubeConfig } from '@kubernetes/client-node';
import { createTransport } from '../main/kube/informer/transport';

/**
 * kube-sim in its own process (`sim/cli.ts`), so its CPU and memory are not counted as
 * Flotilla's: started, waited for until its pods stop multiplying, and stopped by its pid.
 */

export interface SimProcess {
  /** The process group of the simulator (tsx and the node process it runs). */
  pid: number;
  kubeconfig: string;
  clusters: string[];
  kubeConfigFor(context: string): KubeConfig;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..');

export async function startSimProcess(args: {
  clusters: number;
  pods: number;
  out: string;
  nodes?: number;
  churn?: number;
}): Promise<SimProcess> {
  const argv = [
    'sim/cli.ts',
    '--clusters',
    String(args.clusters),
    '--pods',
    String(args.pods),
    '--out',
    args.out,
  ];
  if (args.nodes) argv.push('--nodes', String(args.nodes));
  if (args.churn) argv.push('--churn', String(args.churn));
  const child: ChildProcess = spawn(path.join(root, 'node_modules/.bin/tsx'), argv, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  });
  const ready = await new Promise<{ kubeconfig: string; clusters: Array<{ name: string }> }>(
    (resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      const timer = setTimeout(() => reject(new Error('kube-sim did not start within 300 s')), 300_000);
      lines.on('line', (line) => {
        try {
          const parsed = JSON.parse(line) as {
            ready?: boolean;
            kubeconfig: string;
            clusters: Array<{ name: string }>;
          };
          if (parsed.ready) {
            clearTimeout(timer);
            resolve(parsed);
          }
        } catch {
          /* not the ready line */
        }
      });
      child.on('exit', (code) => reject(new Error(`kube-sim exited with code ${code} before it was ready`)));
    },
  );
  const kubeConfigFor = (context: string) => {
    const kc = new KubeConfig();
    kc.loadFromFile(ready.kubeconfig);
    kc.setCurrentContext(context);
    return kc;
  };
  return {
    pid: child.pid!,
    kubeconfig: ready.kubeconfig,
    clusters: ready.clusters.map((c) => c.name),
    kubeConfigFor,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * A simulator started elsewhere (`npm run sim -- … --out DIR`), for repeated experiments:
 * its clusters are the contexts of DIR/kubeconfig (without the client-certificate one).
 * stop() leaves it running.
 */
export function attachSimProcess(kubeconfig: string): SimProcess {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  return {
    pid: 0,
    kubeconfig,
    clusters: kc
      .getContexts()
      .map((c) => c.name)
      .filter((n) => !n.endsWith('-cert')),
    kubeConfigFor(context) {
      const one = new KubeConfig();
      one.loadFromFile(kubeconfig);
      one.setCurrentContext(context);
      return one;
    },
    async stop() {},
  };
}

/** Pods a cluster serves now (one list request with limit=1). */
export async function podCount(kc: KubeConfig): Promise<number> {
  const t = createTransport(kc);
  try {
    const page = await t.list('/api/v1/pods', { limit: '1' }, { metadataOnly: true, timeoutMs: 60_000 });
    return page.items.length + (page.remaining ?? 0);
  } finally {
    t.close();
  }
}

/** Waits until every cluster serves at least `min` pods and the count held still for a second. */
export async function waitSettled(
  sim: SimProcess,
  min: number,
  timeoutMs = 600_000,
  /** Under churn the count never holds still: then every cluster reaching `min` is enough. */
  churning = false,
): Promise<number> {
  const started = Date.now();
  let last = -1;
  for (;;) {
    const counts = await Promise.all(sim.clusters.map((c) => podCount(sim.kubeConfigFor(c))));
    const total = counts.reduce((a, b) => a + b, 0);
    if (counts.every((n) => n >= min) && (churning || total === last)) return total;
    if (Date.now() - started > timeoutMs)
      throw new Error(`kube-sim did not settle: ${counts.join(', ')} pods`);
    last = total;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
