import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTransport } from '../main/kube/informer/transport';
import { startSimProcess, waitSettled } from './sim-process';
import { round, summary } from './stats';

/**
 * kube-sim at scale (issue 3, item 6): one simulator process holding `clusters` × `pods`.
 * - memory: resident set of the simulator's process group, against the JSON size of the pods it serves;
 * - list latency: pages of 500 pods, against a near-empty list (namespaces) on the same connection;
 * - churn: watch events received per second (the changes, and what the controllers do in response),
 *   against the --churn rate asked for.
 */
export async function benchSim(opts: {
  clusters: number;
  pods: number;
  churn: number;
  watchSeconds: number;
}) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sim-'));
  const sim = await startSimProcess({ clusters: opts.clusters, pods: opts.pods, out, churn: opts.churn });
  try {
    // Churn scales deployments up and down: wait for 90% of the pods, then measure while it runs.
    const settled = await waitSettled(sim, Math.floor(opts.pods * 0.9), 900_000, opts.churn > 0);
    const rssMb = groupRssMb(sim.pid);

    const pageMs: number[] = [];
    const refMs: number[] = [];
    let servedBytes = 0;
    for (const cluster of sim.clusters) {
      const t = createTransport(sim.kubeConfigFor(cluster));
      try {
        let token: string | undefined;
        do {
          const started = performance.now();
          const page = await t.list('/api/v1/pods', { limit: '500', ...(token ? { continue: token } : {}) });
          pageMs.push(performance.now() - started);
          servedBytes += JSON.stringify([...page.items]).length;
          token = page.continue;
          const r = performance.now();
          await t.list('/api/v1/namespaces', { limit: '500' });
          refMs.push(performance.now() - r);
        } while (token);
      } finally {
        t.close();
      }
    }

    // Churn: count watch events on pods and deployments of every cluster for a few seconds.
    let events = 0;
    const stops: Array<() => void> = [];
    for (const cluster of sim.clusters) {
      const t = createTransport(sim.kubeConfigFor(cluster));
      for (const resource of ['/api/v1/pods', '/apis/apps/v1/deployments']) {
        const list = await t.list(resource, { limit: '1' });
        const abort = new AbortController();
        t.watch(resource, { resourceVersion: list.resourceVersion }, () => void events++, {
          signal: abort.signal,
          timeoutMs: 60_000,
        }).catch(() => undefined);
        stops.push(() => abort.abort());
      }
      stops.push(() => t.close());
    }
    const counted = events;
    await new Promise((r) => setTimeout(r, opts.watchSeconds * 1000));
    const perSecond = (events - counted) / opts.watchSeconds;
    for (const stop of stops) stop();

    const pages = summary(pageMs);
    const ref = summary(refMs);
    return {
      clusters: opts.clusters,
      podsServed: settled,
      memory: {
        simRssMb: rssMb,
        servedPodJsonMb: round(servedBytes / 2 ** 20),
        ratio: round(rssMb / (servedBytes / 2 ** 20)),
      },
      listLatency: {
        podPage500Ms: pages,
        referenceNamespaceListMs: ref,
        ratioP95: round(pages.p95 / ref.p95),
      },
      churn: {
        requestedPerSecond: opts.churn,
        watchEventsPerSecond: round(perSecond),
        ratio: round(perSecond / opts.churn),
      },
    };
  } finally {
    await sim.stop();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Resident memory of every process in the group (tsx and the node process it starts). */
function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += rss ? Number(rss[1]) : 0;
    } catch {
      // the process ended meanwhile
    }
  }
  return round(kb / 1024);
}
