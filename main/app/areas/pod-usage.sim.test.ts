import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CoreV1Api, KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import { parseQuantity } from '../../../shared/nodes/quantity';
import { createLogger } from '../../services/log';
import { createPodsArea, type PodsArea } from './pods';

/** Integration: pods.usage from kube-sim's metrics.k8s.io over HTTPS, and every "not available" path. */

const run = promisify(execFile);
const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const hasKubectl = fs.existsSync(KUBECTL);

async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('pods.usage against kube-sim', () => {
  let sim: SimHandle;
  let dir: string;
  let area: PodsArea;
  let cluster: string;
  let pod: V1Pod;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-pod-usage-'));
    sim = await startSim({ outDir: path.join(dir, 'sim'), clusters: 1, pods: 8 });
    cluster = sim.clusters[0]?.name ?? '';
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(cluster);
    area = createPodsArea({
      log: createLogger({ quiet: true }),
      emit: () => undefined,
      usageTimeoutMs: 2_000,
    });
    area.register(cluster, kc);
    const core = kc.makeApiClient(CoreV1Api);
    pod = await until(
      'a running pod',
      async () =>
        (await core.listPodForAllNamespaces()).items.find(
          (p) => p.status?.phase === 'Running' && p.status.containerStatuses?.every((c) => c.state?.running),
        ),
      30_000,
    );
  }, 60_000);

  afterAll(async () => {
    area?.close();
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ref = () => ({
    source: 'live',
    cluster,
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
  });

  it('reads CPU and memory per container of a running pod', async () => {
    const usage = await until(
      'metrics for the pod',
      async () => {
        const u = await area.handlers['pods.usage'](ref());
        return u.available ? u : undefined;
      },
      45_000,
    );
    expect(usage.reason).toBeUndefined();
    expect(usage.containers.map((c) => c.name).sort()).toEqual(
      (pod.spec?.containers ?? []).map((c) => c.name).sort(),
    );
    for (const c of usage.containers) {
      expect(c.cpu, c.name).toBeGreaterThan(0);
      expect(c.memory, c.name).toBeGreaterThan(0);
    }
    expect(usage.window).toMatch(/^\d+(\.\d+)?s$/);
    expect(Number.isNaN(Date.parse(usage.timestamp ?? ''))).toBe(false);
  }, 60_000);

  it.skipIf(!hasKubectl)(
    'agrees with kubectl top pod --containers',
    async () => {
      const { namespace, name } = ref();
      // metrics refresh in the background: read both sides again if one moved in between
      await until(
        'kubectl and pods.usage to agree',
        async () => {
          const ours = await area.handlers['pods.usage'](ref());
          const { stdout } = await run(KUBECTL, [
            '--kubeconfig',
            sim.kubeconfigPath,
            '--context',
            cluster,
            'top',
            'pod',
            name,
            '-n',
            namespace,
            '--containers',
            '--no-headers',
          ]);
          const theirs = stdout
            .trim()
            .split('\n')
            .map((line) => line.trim().split(/\s+/))
            .map(([, container, cpu, memory]) => ({
              name: container ?? '',
              cpu: parseQuantity(cpu),
              memory: parseQuantity(memory),
            }));
          if (!ours.available || theirs.length !== ours.containers.length) return false;
          return theirs.every((t) => {
            const o = ours.containers.find((c) => c.name === t.name);
            // kubectl prints whole millicores and whole MiB
            return o && Math.abs(o.cpu - t.cpu) <= 0.001 && Math.abs(o.memory - t.memory) <= 2 ** 20;
          });
        },
        40_000,
      );
    },
    60_000,
  );

  it('says plainly why there are no figures', async () => {
    const missing = await area.handlers['pods.usage']({ ...ref(), name: 'no-such-pod' });
    expect(missing).toEqual({
      available: false,
      reason: expect.stringMatching(/^metrics-server has not measured pod .*\/no-such-pod yet/),
      containers: [],
    });
    const snapshot = await area.handlers['pods.usage']({ ...ref(), source: 'snapshot:abc' });
    expect(snapshot.available).toBe(false);
    expect(snapshot.reason).toMatch(/^A snapshot holds no live metrics/);
    const manifests = await area.handlers['pods.usage']({ ...ref(), source: 'manifests:1' });
    expect(manifests.reason).toMatch(/^Imported manifests hold/);
    const elsewhere = await area.handlers['pods.usage']({ ...ref(), cluster: 'elsewhere' });
    expect(elsewhere).toEqual({
      available: false,
      reason: 'Cluster elsewhere is not connected.',
      containers: [],
    });
  });

  it('turns expired credentials and an unreachable cluster into a reason', async () => {
    sim.admin.expireTokens(cluster, 'admin');
    try {
      const refused = await area.handlers['pods.usage'](ref());
      expect(refused.available).toBe(false);
      expect(refused.reason).toMatch(/refused the credentials \(HTTP 401\)/);
    } finally {
      sim.admin.restoreTokens(cluster);
    }
    await sim.admin.setFaults(cluster, { unreachable: 'silent' });
    try {
      // the pooled connection may be cut first; a new one then waits in vain
      const first = await area.handlers['pods.usage'](ref());
      expect(first.reason).toMatch(new RegExp(`^${cluster} (cannot be reached|did not answer within 2 s)`));
      const silent = await area.handlers['pods.usage'](ref());
      expect(silent).toEqual({
        available: false,
        reason: `${cluster} did not answer within 2 s (GET pod metrics).`,
        containers: [],
      });
    } finally {
      await sim.admin.reset(cluster);
    }
    expect((await area.handlers['pods.usage'](ref())).available).toBe(true);
  }, 30_000);
});
