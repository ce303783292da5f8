import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createObjectService, type ObjectService } from '../main/services/objects/service';
import { createLogger } from '../main/services/log';
import { openDatabase } from '../main/store/db';
import { createTransport } from '../main/kube/informer/transport';
import { round, withPeakRss } from './stats';
import { startSimProcess, waitSettled, type SimProcess } from './sim-process';

/**
 * (a) full sync of a fleet and (b) time to the first page of a large cluster, against kube-sim
 * in its own process. References are measured in the same run on the same simulator.
 */

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const VIEW_KINDS = ['Pod', 'Node', 'Deployment', 'Event'];

/** `kubectl get pods,nodes,deployments -A -o json` for each context, back to back (output discarded). */
async function kubectlBackToBack(sim: SimProcess): Promise<number> {
  const started = performance.now();
  for (const context of sim.clusters) {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        KUBECTL,
        [
          '--kubeconfig',
          sim.kubeconfig,
          '--context',
          context,
          'get',
          'pods,nodes,deployments',
          '-A',
          '-o',
          'json',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`kubectl (${context}) failed: ${err}`)),
      );
    });
  }
  return performance.now() - started;
}

function freshService(
  dir: string,
  listConcurrency?: number,
): { service: ObjectService; close(): Promise<void> } {
  const db = openDatabase(path.join(dir, `flotilla-${Date.now()}.db`));
  const pageSize = process.env.BENCH_PAGE_SIZE ? Number(process.env.BENCH_PAGE_SIZE) : undefined;
  const service = createObjectService({ db, log: createLogger({ quiet: true }), listConcurrency, pageSize });
  return {
    service,
    async close() {
      await service.close();
      db.close();
    },
  };
}

export async function benchFullSync(opts: {
  clusters: number;
  pods: number;
  listConcurrency?: number;
}): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-bench-a-'));
  const sim = await startSimProcess({ clusters: opts.clusters, pods: opts.pods, out: path.join(dir, 'sim') });
  try {
    const pods = await waitSettled(sim, opts.pods);
    const skipKubectl = process.env.BENCH_SKIP_KUBECTL === '1'; // for quick experiments only
    const kubectlMs = skipKubectl ? NaN : await kubectlBackToBack(sim);
    const { service, close } = freshService(dir, opts.listConcurrency);
    const rssBeforeMb = round(process.memoryUsage().rss / 1024 / 1024, 1);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let viewMs = 0;
    const { peakRssMb, peakHeapUsedMb, peakExternalMb } = await withPeakRss(async () => {
      for (const c of sim.clusters) service.start(c, sim.kubeConfigFor(c));
      await Promise.all(sim.clusters.map((c) => service.whenSynced(c, VIEW_KINDS, 600_000)));
      viewMs = performance.now() - started;
      await Promise.all(sim.clusters.map((c) => service.whenSynced(c, undefined, 600_000)));
    });
    const allMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cached = service.countBy({}, 'kind');
    await close();
    const kubectlAgainMs = skipKubectl ? NaN : await kubectlBackToBack(sim);
    // the faster of the two kubectl passes (one before, one after): the conservative reference
    const reference = Math.min(kubectlMs, kubectlAgainMs);
    return {
      clusters: opts.clusters,
      podsServed: pods,
      objectsCached: Object.values(cached).reduce((a, b) => a + b, 0),
      podsCached: cached.Pod ?? 0,
      kubectlBackToBackMs: [round(kubectlMs, 0), round(kubectlAgainMs, 0)],
      flotillaFleetViewMs: round(viewMs, 0),
      flotillaAllKindsMs: round(allMs, 0),
      flotillaCpuMs: round((cpu.user + cpu.system) / 1000, 0),
      ratioFleetView: round(viewMs / reference),
      ratioAllKinds: round(allMs / reference),
      target: 'ratioFleetView <= 1.0, peakRssMb <= 400',
      rssBeforeSyncMb: rssBeforeMb,
      peakRssMb,
      peakHeapUsedMb,
      peakExternalMb,
    };
  } finally {
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFirstPage(opts: { pods: number }): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-bench-b-'));
  const sim = await startSimProcess({ clusters: 1, pods: opts.pods, out: path.join(dir, 'sim') });
  try {
    const pods = await waitSettled(sim, opts.pods);
    const cluster = sim.clusters[0];
    // reference: one bare request for the first 500 pods
    const t = createTransport(sim.kubeConfigFor(cluster));
    const refStarted = performance.now();
    await t.list('/api/v1/pods', { limit: '500' }, { timeoutMs: 60_000 });
    const firstRequestMs = performance.now() - refStarted;
    t.close();
    const { service, close } = freshService(dir);
    const started = performance.now();
    service.start(cluster, sim.kubeConfigFor(cluster));
    let firstPageMs = 0;
    for (;;) {
      const page = service.page({ kinds: ['Pod'], limit: 100 });
      if (page.items.length === 100) {
        firstPageMs = performance.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await service.whenSynced(cluster, ['Pod'], 600_000);
    const allPodsMs = performance.now() - started;
    await close();
    return {
      podsServed: pods,
      firstPageMs: round(firstPageMs, 0),
      allPodsMs: round(allPodsMs, 0),
      bareFirstListRequestMs: round(firstRequestMs, 0),
      ratioFirstPageToBareRequest: round(firstPageMs / firstRequestMs),
      target: 'firstPageMs <= 1000',
    };
  } finally {
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
