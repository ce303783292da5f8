import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppsV1Api, CoreV1Api, KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import type { Result } from '../../../shared/contract/result';
import { createRouter, type Handlers } from '../../ipc/router';
import { createLogger } from '../../services/log';
import { createApplyArea } from './apply';
import { createPodsArea } from './pods';

/**
 * A cluster that accepts connections and never answers (kube-sim's `unreachable: 'silent'`): every
 * call the renderer waits on (pod logs, a follow's start, pod usage, the YAML editor's open, dry run,
 * apply and delete) ends within the main process's own deadline, well below the renderer's 15 s,
 * with a message naming the cluster (by its fleet name) and what did not answer, never Flotilla;
 * the other cluster keeps answering meanwhile. Real HTTPS, real router, default deadlines.
 */

let sim: SimHandle;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'silent-cluster-'));
let call: (name: string, input: unknown) => Promise<Result<unknown>>;
const pods = new Map<string, V1Pod>();
/** The fleet's names differ from the kubeconfig's, so the messages must come from the fleet. */
const fleetName = (id: string) => `fleet-${id}`;

async function until<T>(what: string, fn: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${what}`);
}

beforeAll(async () => {
  sim = await startSim({ outDir: path.join(tmp, 'sim'), clusters: 2, nodes: 1, pods: 3 });
  const configs = new Map<string, KubeConfig>();
  for (const c of sim.clusters) {
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(c.name);
    configs.set(c.name, kc);
    await kc.makeApiClient(AppsV1Api).createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'web', labels: { app: 'web' } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'c', image: 'nginx' }] },
          },
        },
      },
    });
    const core = kc.makeApiClient(CoreV1Api);
    pods.set(
      c.name,
      await until('running pod', async () =>
        (await core.listPodForAllNamespaces()).items.find(
          (p) => p.status?.phase === 'Running' && p.spec?.containers.length === 1,
        ),
      ),
    );
  }
  const log = createLogger({ quiet: true });
  const podsArea = createPodsArea({
    log,
    emit: () => undefined,
    kubeConfigFor: (id) => configs.get(id)!,
    clusterName: fleetName,
  });
  const apply = createApplyArea({
    log,
    cluster: (id) => ({ name: fleetName(id), protected: false }),
    kubeConfigFor: (id) => configs.get(id),
  });
  const router = createRouter({ ...podsArea.handlers, ...apply.handlers } as unknown as Handlers, log);
  call = (n, input) => router.dispatch(n, input);
}, 90_000);

afterAll(async () => {
  await sim?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const logsOf = (cluster: string) => {
  const p = pods.get(cluster)!;
  return {
    source: 'live',
    cluster,
    namespace: p.metadata!.namespace!,
    pod: p.metadata!.name!,
    container: p.spec!.containers[0]!.name,
  };
};
const deployment = (cluster: string) => ({
  cluster,
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  namespace: 'default',
  name: 'web',
});
const yaml = (cluster: string) => ({
  ref: deployment(cluster),
  yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec:\n  replicas: 2\n',
  force: false,
});

describe('a silent cluster', () => {
  it('is named, with what did not answer, by every call on it; the other cluster answers', async () => {
    const [silent, healthy] = sim.clusters.map((c) => c.name) as [string, string];
    await sim.admin.setFaults(silent, { unreachable: 'silent' });
    // the silent switch cuts open connections; let the clients see it before asking again
    await new Promise((r) => setTimeout(r, 300));

    const asked = await Promise.all([
      call('pods.logs', logsOf(silent)),
      call('pods.logs.follow', logsOf(silent)),
      call('apply.open', deployment(silent)),
      call('apply.dryRun', yaml(silent)),
      call('apply.apply', yaml(silent)),
      call('apply.delete', { ref: deployment(silent) }),
      call('pods.usage', { source: 'live', cluster: silent, namespace: 'default', name: 'x' }),
      call('pods.logs', logsOf(healthy)),
      call('apply.open', deployment(healthy)),
    ]);
    const [logs, follow, open, dryRun, applied, deleted, usage, otherLogs, otherOpen] = asked;
    const p = pods.get(silent)!.metadata!;
    const within = `${fleetName(silent)} did not answer within 10 s`;
    expect(logs).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: `${within} (GET pod logs of ${p.namespace}/${p.name})` },
    });
    expect(follow).toEqual(logs);
    // the three YAML calls share one discovery request: each names it
    for (const r of [open, dryRun, applied, deleted]) {
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE', message: `${within} (GET /apis/apps/v1)` },
      });
    }
    expect(usage).toMatchObject({
      ok: true,
      value: {
        available: false,
        reason: `${fleetName(silent)} did not answer within 5 s (GET pod metrics).`,
      },
    });
    expect(otherLogs.ok).toBe(true);
    expect(otherOpen).toMatchObject({ ok: true, value: { clusterName: fleetName(healthy) } });

    // once the discovery is known, a request of the object's own is what is named
    await sim.admin.reset(silent);
    expect((await call('apply.open', deployment(silent))).ok).toBe(true);
    await sim.admin.setFaults(silent, { unreachable: 'silent' });
    await new Promise((r) => setTimeout(r, 300));
    const again = await call('apply.open', deployment(silent));
    expect(again.ok ? '' : again.error.message).toMatch(
      new RegExp(
        `^${within} \\((GET /apis/apps/v1/namespaces/default/deployments/web|POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews)\\)$`,
      ),
    );
  }, 90_000);
});
