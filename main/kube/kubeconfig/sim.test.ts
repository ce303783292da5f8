/**
 * Integration: kube-sim writes kubeconfigs for its clusters; they go through this
 * module (parse, merge, check, connection spec) into client-node, which lists namespaces
 * over real HTTPS with a bearer token and with a client certificate.
 */
import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import { buildKubeConfig, toConnectionSpec } from './client';
import { loadKubeconfigSet } from './discover';
import { resolveContexts, type ResolvedContext } from './validate';
import { tempDir } from './testing/fixtures';

let sim: SimHandle;
let cleanup = () => {};
let contexts: ResolvedContext[] = [];

beforeAll(async () => {
  const t = tempDir('flotilla-kc-sim-');
  cleanup = t.cleanup;
  sim = await startSim({ outDir: t.dir, clusters: 2, controllers: false });
  // the admin file first: for the shared cluster names its entries win over the viewer file's
  const set = loadKubeconfigSet([sim.kubeconfigPath, sim.viewerKubeconfigPath]);
  expect(set.failures).toEqual([]);
  contexts = resolveContexts(set.merged);
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  cleanup();
});

async function namespaces(ctx: ResolvedContext): Promise<string[]> {
  const kc = buildKubeConfig(toConnectionSpec(ctx), { approved: new Set() });
  const list = await kc.makeApiClient(CoreV1Api).listNamespace();
  return list.items.map((n) => n.metadata?.name ?? '').sort();
}

describe('kube-sim kubeconfigs through client-node', () => {
  it('finds every context usable, with the auth kind it uses', () => {
    const [first, second] = sim.clusters;
    expect(contexts.map((c) => [c.name, c.auth.kind, c.ok, c.server])).toEqual([
      [first!.name, 'token', true, first!.server],
      [second!.name, 'token', true, second!.server],
      [`${first!.name}-cert`, 'client-certificate', true, first!.server],
    ]);
    for (const c of contexts) expect(c.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(contexts[0]!.namespace).toBe('default');
  });

  it('lists namespaces with the token context and the client-certificate context', async () => {
    const byToken = await namespaces(contexts[0]!);
    expect(byToken).toContain('default');
    expect(byToken).toContain('kube-system');
    expect(await namespaces(contexts[2]!)).toEqual(byToken);
    expect(await namespaces(contexts[1]!)).toContain('kube-system');
  });

  it('refuses a context whose token the cluster does not know', async () => {
    const spec = toConnectionSpec(contexts[0]!);
    spec.user.token = 'not-a-real-token';
    const kc = buildKubeConfig(spec, { approved: new Set() });
    await expect(kc.makeApiClient(CoreV1Api).listNamespace()).rejects.toMatchObject({ code: 401 });
  });
});
