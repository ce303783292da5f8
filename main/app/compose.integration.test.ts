import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index';
import type { Inspection } from '../../shared/contract/fleet';
import { createAppCore, type AppCore } from './compose';
import { createLogger } from '../services/log';

/**
 * The composed app, as every shell builds it: attaching a cluster through the contract connects it
 * and fills the live object cache, which the objects calls then serve; detaching purges it.
 */
let sim: SimHandle;
let core: AppCore;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-it-'));

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await core.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  sim = await startSim({ outDir: path.join(tmp, 'sim'), clusters: 1, nodes: 2, pods: 10, seed: 3 });
  core = createAppCore({ dataDir: path.join(tmp, 'data'), shell: 'web', log: createLogger({ quiet: true }) });
}, 60_000);

afterAll(async () => {
  await core?.close();
  await sim?.stop();
});

describe('composed app over kube-sim', () => {
  let clusterId = '';

  it('attaching a cluster fills the object cache with what the cluster holds', async () => {
    const inspection = await call<Inspection>('kubeconfig.inspect', { paths: [sim.kubeconfigPath] });
    const context = inspection.contexts.find((c) => c.ok && c.authKind === 'token')!;
    const attached = await call<{ results: Array<{ ok: boolean; clusterId?: string }> }>('clusters.attach', {
      importId: inspection.importId,
      items: [{ context: context.key, name: 'one' }],
    });
    clusterId = attached.results[0]!.clusterId!;
    expect(clusterId).toBeTruthy();

    // What the cluster holds, asked independently of the app.
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(context.name);
    const api = kc.makeApiClient(k8s.CoreV1Api);
    const counts = await until('the cache to hold every namespace and node', async () => {
      const c = await call<Record<string, number>>('objects.count', { clusters: [clusterId], by: 'kind' });
      const [ns, nodes] = await Promise.all([api.listNamespace(), api.listNode()]);
      return c.Namespace === ns.items.length && c.Node === nodes.items.length ? c : undefined;
    });
    expect(counts.Pod).toBeGreaterThan(0);
  }, 90_000);

  it('detaching the cluster purges its objects', async () => {
    await call('clusters.detach', { ids: [clusterId] });
    const counts = await until('the cache to be purged', async () => {
      const c = await call<Record<string, number>>('objects.count', { clusters: [clusterId], by: 'kind' });
      return Object.values(c).every((n) => n === 0) ? c : undefined;
    });
    expect(counts.Node ?? 0).toBe(0);
  }, 30_000);
});
