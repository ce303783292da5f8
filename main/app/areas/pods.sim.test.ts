import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CoreV1Api, KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import { AppError } from '../../../shared/contract/result';
import { createLogger } from '../../services/log';
import { createPodsArea, type PodsArea } from './pods';

/** Integration: pod logs read and followed from kube-sim over HTTPS through the pods area. */

type Emitted = { name: string; payload: { subscription: string; lines?: string[]; reason?: string } };

async function until<T>(what: string, fn: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('pod logs against kube-sim', () => {
  let sim: SimHandle;
  let dir: string;
  let area: PodsArea;
  let cluster: string;
  let pod: V1Pod;
  const emitted: Emitted[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-pod-logs-'));
    sim = await startSim({ outDir: path.join(dir, 'sim'), clusters: 1, pods: 12 });
    cluster = sim.clusters[0]?.name ?? '';
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(cluster);
    area = createPodsArea({
      log: createLogger({ quiet: true }),
      emit: (name, payload) => emitted.push({ name, payload }),
      batchMs: 50,
    });
    area.register(cluster, kc);
    const core = kc.makeApiClient(CoreV1Api);
    pod = await (async () => {
      const started = Date.now();
      for (;;) {
        const pods = await core.listPodForAllNamespaces();
        const running = pods.items.find(
          (p) =>
            p.status?.phase === 'Running' &&
            (p.spec?.containers.length ?? 0) === 1 &&
            p.status.containerStatuses?.[0]?.state?.running,
        );
        if (running) return running;
        if (Date.now() - started > 20_000) throw new Error('no running pod in kube-sim within 20 s');
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
  }, 60_000);

  afterAll(async () => {
    area?.close();
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const target = () => ({
    source: 'live',
    cluster,
    namespace: pod.metadata?.namespace ?? '',
    pod: pod.metadata?.name ?? '',
    container: pod.spec?.containers[0]?.name ?? '',
    previous: false,
    timestamps: false,
  });

  it('reads the tail of a log: exactly the lines asked for, as the sim wrote them', async () => {
    const all = await area.handlers['pods.logs'](target());
    expect(all.truncated).toBe(false);
    expect(all.lines.length).toBeGreaterThan(0);
    const tail = await area.handlers['pods.logs']({ ...target(), tailLines: 1 });
    expect(tail.lines).toHaveLength(1);
    expect(all.lines).toContain(tail.lines[0]);
    const stamped = await area.handlers['pods.logs']({ ...target(), tailLines: 1, timestamps: true });
    expect(stamped.lines).toHaveLength(1);
    for (const line of stamped.lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z /);
  });

  it('names the container when the API server refuses, and the cluster when it is unknown', async () => {
    const bad = area.handlers['pods.logs']({ ...target(), container: 'no-such-container' });
    await expect(bad).rejects.toThrow(/not running yet \(or the container name is wrong\)/);
    await expect(bad).rejects.toBeInstanceOf(AppError);
    await expect(area.handlers['pods.logs']({ ...target(), pod: 'missing-pod' })).rejects.toThrow(
      /does not exist/,
    );
    await expect(area.handlers['pods.logs']({ ...target(), cluster: 'elsewhere' })).rejects.toThrow(
      'cluster elsewhere is not connected',
    );
  });

  it('follows a log: the tail, then new lines as the sim writes them; stop ends the stream', async () => {
    const { subscription } = await area.handlers['pods.logs.follow']({ ...target(), tailLines: 1 });
    expect(area.follows()).toContain(subscription);
    const mine = () => emitted.filter((e) => e.payload.subscription === subscription);
    const lines = () => mine().flatMap((e) => e.payload.lines ?? []);
    await until('the tail', () => lines().length >= 1);
    expect(mine()[0]?.payload.lines).toHaveLength(1);
    // the sim writes a line every 2 to 6 seconds
    await until('a new line', () => lines().length >= 2, 10_000);
    expect(await area.handlers['pods.logs.stop']({ subscription })).toEqual({ stopped: true });
    const end = mine().filter((e) => e.name === 'pods.logs.end');
    expect(end).toEqual([{ name: 'pods.logs.end', payload: { subscription, reason: 'stopped' } }]);
    expect(area.follows()).not.toContain(subscription);
    const count = lines().length;
    await new Promise((r) => setTimeout(r, 6_500));
    expect(lines()).toHaveLength(count);
    expect(await area.handlers['pods.logs.stop']({ subscription })).toEqual({ stopped: false });
  }, 30_000);

  it('ends a follow when the cluster goes away', async () => {
    const other = createPodsArea({
      log: createLogger({ quiet: true }),
      emit: (name, payload) => emitted.push({ name, payload }),
    });
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(cluster);
    const stops: string[] = [];
    const cache = other.track({ start: () => undefined, stop: async (id) => void stops.push(id) });
    cache.start(cluster, kc);
    const { subscription } = await other.handlers['pods.logs.follow']({ ...target(), tailLines: 1 });
    await cache.stop(cluster);
    expect(stops).toEqual([cluster]);
    expect(
      emitted.filter((e) => e.name === 'pods.logs.end' && e.payload.subscription === subscription),
    ).toHaveLength(1);
    await expect(other.handlers['pods.logs']({ ...target() })).rejects.toThrow('is not connected');
  });
});
