/** The living demo fleet judged by the real kubectl: rollouts complete, top works, scaling is followed. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSim, type SimHandle } from '../index';
import { kubectlRunner, requireKubectl, type KubectlResult } from '../testing/kubectl';

vi.setConfig({ testTimeout: 150_000 });

let sim: SimHandle;
let kubectl: ReturnType<typeof kubectlRunner>;
const ok = (r: KubectlResult): string => {
  if (r.code !== 0) throw new Error(`kubectl failed (${r.code}): ${r.stderr}\n${r.stdout}`);
  return r.stdout;
};
const k = (ctx: string, ...args: string[]) => kubectl(['--context', ctx, ...args], { timeoutMs: 90_000 });

async function eventually(fn: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('condition not met in time');
}

beforeAll(async () => {
  requireKubectl();
  sim = await startSim({ outDir: mkdtempSync(join(tmpdir(), 'kube-sim-demo-')), demo: true });
  kubectl = kubectlRunner(sim.kubeconfigPath);
});
afterAll(async () => {
  await sim?.stop();
});

describe('kubectl against the living demo fleet', () => {
  it('rollout status completes for deployments, statefulsets and daemonsets', async () => {
    expect(
      ok(await k('tkg-01', 'rollout', 'status', 'deployment/frontend', '-n', 'shop', '--timeout=60s')),
    ).toMatch(/successfully rolled out/);
    expect(
      ok(
        await k('tkg-01', 'rollout', 'status', 'statefulset/orders-postgres', '-n', 'shop', '--timeout=60s'),
      ),
    ).toMatch(/roll(ed)? out complete|successfully rolled out/);
    expect(
      ok(
        await k('tkg-01', 'rollout', 'status', 'daemonset/kube-proxy', '-n', 'kube-system', '--timeout=60s'),
      ),
    ).toMatch(/successfully rolled out/);
  });

  it('rollout restart rolls a new replica set out', async () => {
    ok(await k('tanzu-kubernetes', 'rollout', 'status', 'deployment/cart', '-n', 'shop', '--timeout=60s'));
    ok(await k('tanzu-kubernetes', 'rollout', 'restart', 'deployment/cart', '-n', 'shop'));
    expect(
      ok(await k('tanzu-kubernetes', 'rollout', 'status', 'deployment/cart', '-n', 'shop', '--timeout=60s')),
    ).toMatch(/successfully rolled out/);
    const history = ok(await k('tanzu-kubernetes', 'rollout', 'history', 'deployment/cart', '-n', 'shop'));
    expect(history).toMatch(/^2\s/m);
  });

  it('scale is followed by pods', async () => {
    ok(await k('tkg-01', 'scale', 'deployment/users', '-n', 'shop', '--replicas=4'));
    await eventually(async () => {
      const out = ok(await k('tkg-01', 'get', 'pods', '-n', 'shop', '-l', 'app=users', '--no-headers'));
      return (
        out
          .trim()
          .split('\n')
          .filter((l) => /\s1\/1\s+Running\s/.test(l)).length === 4
      );
    });
    ok(await k('tkg-01', 'scale', 'deployment/users', '-n', 'shop', '--replicas=1'));
    await eventually(
      async () =>
        ok(await k('tkg-01', 'get', 'pods', '-n', 'shop', '-l', 'app=users', '--no-headers'))
          .trim()
          .split('\n').length === 1,
    );
  });

  it('top nodes and top pods show usage', async () => {
    await eventually(async () => (await k('aks-prod-eastus', 'top', 'pods', '-n', 'monitoring')).code === 0);
    const nodes = ok(await k('tkg-01', 'top', 'nodes'));
    expect(nodes).toMatch(/tkg-01-md-0-5848648bff-w2k48\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/);
    const pods = ok(await k('aks-prod-eastus', 'top', 'pods', '-n', 'monitoring'));
    expect(pods).toMatch(/prometheus-0\s+\d+m\s+\d+Mi/);
  });

  it('the deliberate problems are visible', async () => {
    await eventually(async () =>
      /CrashLoopBackOff|Error/.test(ok(await k('tkg-01', 'get', 'pods', '-n', 'shop', '-l', 'app=payment'))),
    );
    const pending = ok(await k('tkg-01', 'get', 'pods', '-n', 'shop', '-l', 'app=report-builder'));
    expect(pending).toMatch(/Pending/);
    const events = ok(
      await k('tkg-01', 'get', 'events', '-n', 'shop', '--field-selector', 'reason=FailedScheduling'),
    );
    expect(events).toMatch(/Insufficient memory/);
    const wide = ok(await k('tanzu-kubernetes', 'get', 'nodes', '-o', 'wide'));
    expect(wide).toMatch(/Amazon Linux 2\s+5\.10\.215/);
  });

  it('jobs complete and endpoints list ready pods', async () => {
    expect(
      ok(
        await k(
          'aks-prod-eastus',
          'wait',
          '--for=condition=complete',
          'job/ghost-db-migrate',
          '-n',
          'blog',
          '--timeout=60s',
        ),
      ),
    ).toMatch(/condition met/);
    const ep = ok(await k('tkg-01', 'get', 'endpoints', 'frontend', '-n', 'shop'));
    expect(ep).toMatch(/(\d+\.\d+\.\d+\.\d+:8080,?){1,}/);
  });
});
