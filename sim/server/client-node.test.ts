/** kube-sim driven by @kubernetes/client-node, the library the app uses. */
import * as k8s from '@kubernetes/client-node';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../index';
import { fixtureSpec } from '../testing/fixture';

let sim: SimHandle;
let kc: k8s.KubeConfig;
let core: k8s.CoreV1Api;
let apps: k8s.AppsV1Api;

const cm = (name: string, data: Record<string, string> = { a: '1' }): k8s.V1ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});
const deployment = (name: string, replicas = 1): k8s.V1Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
    },
  },
});

async function failure(p: Promise<unknown>): Promise<{ code: number; status: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    const err = e as k8s.ApiException<string>;
    return {
      code: err.code,
      status:
        typeof err.body === 'string'
          ? (JSON.parse(err.body) as Record<string, unknown>)
          : (err.body as Record<string, unknown>),
    };
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  sim = await startSim({
    outDir: mkdtempSync(join(tmpdir(), 'kube-sim-cn-')),
    specs: [fixtureSpec()],
    controllers: false,
  });
  kc = new k8s.KubeConfig();
  kc.loadFromFile(sim.kubeconfigPath);
  core = kc.makeApiClient(k8s.CoreV1Api);
  apps = kc.makeApiClient(k8s.AppsV1Api);
});
afterAll(async () => {
  await sim?.stop();
});

describe('client-node against kube-sim', () => {
  it('lists the bootstrap namespaces and the seeded nodes', async () => {
    const ns = await core.listNamespace();
    expect(ns.items.map((n) => n.metadata?.name)).toEqual(
      expect.arrayContaining(['default', 'kube-system', 'kube-public', 'kube-node-lease', 'demo']),
    );
    const nodes = await core.listNode();
    expect(nodes.items).toHaveLength(2);
    const svc = await core.readNamespacedService({ name: 'kubernetes', namespace: 'default' });
    expect(svc.spec?.clusterIP).toBe('10.96.0.1');
  });

  it('creates with defaults and generateName, and answers 409 to a stale update', async () => {
    const created = await core.createNamespacedConfigMap({
      namespace: 'demo',
      body: { ...cm(''), metadata: { generateName: 'gen-' } },
    });
    expect(created.metadata?.name).toMatch(/^gen-/);
    expect(created.metadata?.uid).toBeTruthy();
    expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);
    const d = await apps.createNamespacedDeployment({ namespace: 'demo', body: deployment('web') });
    expect(d.spec?.strategy?.type).toBe('RollingUpdate');
    expect(d.spec?.template.spec?.containers[0].imagePullPolicy).toBe('IfNotPresent');
    const first = await core.createNamespacedConfigMap({ namespace: 'demo', body: cm('conflict') });
    await core.replaceNamespacedConfigMap({
      name: 'conflict',
      namespace: 'demo',
      body: { ...first, data: { a: '2' } },
    });
    const stale = await failure(
      core.replaceNamespacedConfigMap({
        name: 'conflict',
        namespace: 'demo',
        body: { ...first, data: { a: '3' } },
      }),
    );
    expect(stale.code).toBe(409);
    expect(stale.status).toMatchObject({ kind: 'Status', reason: 'Conflict', code: 409 });
    const dup = await failure(core.createNamespacedConfigMap({ namespace: 'demo', body: cm('conflict') }));
    expect(dup.status).toMatchObject({ reason: 'AlreadyExists', code: 409 });
  });

  it('pages a list with limit and continue', async () => {
    for (let i = 0; i < 7; i++)
      await core.createNamespacedSecret({
        namespace: 'demo',
        body: { metadata: { name: `s${i}`, labels: { page: 'yes' } }, stringData: { k: 'v' } },
      });
    const names: string[] = [];
    let cont: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedSecret({
        namespace: 'demo',
        labelSelector: 'page=yes',
        limit: 3,
        _continue: cont,
      });
      names.push(...page.items.map((s) => s.metadata?.name ?? ''));
      cont = page.metadata?._continue;
      pages++;
    } while (cont);
    expect(pages).toBe(3);
    expect(names).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6']);
  });

  it('watches from a resourceVersion, and relists after a 410', async () => {
    const list = await core.listNamespacedConfigMap({ namespace: 'demo' });
    const events: string[] = [];
    let ended: unknown = 'open';
    const gotEvent = new Promise<void>((resolve) => {
      void new k8s.Watch(kc).watch(
        '/api/v1/namespaces/demo/configmaps',
        { resourceVersion: list.metadata?.resourceVersion, allowWatchBookmarks: true },
        (type, obj: k8s.V1ConfigMap | k8s.V1Status) => {
          events.push(`${type}:${(obj as k8s.V1ConfigMap).metadata?.name ?? (obj as k8s.V1Status).code}`);
          if (events.length === 2) resolve();
        },
        (err) => {
          ended = err;
        },
      );
    });
    await new Promise((r) => setTimeout(r, 100));
    await core.createNamespacedConfigMap({ namespace: 'demo', body: cm('watched') });
    await core.deleteNamespacedConfigMap({ name: 'watched', namespace: 'demo' });
    await gotEvent;
    expect(events).toEqual(['ADDED:watched', 'DELETED:watched']);
    // Compaction: the open watch ends with 410, and an old resourceVersion is gone.
    sim.admin.expireWatches('fixture');
    await new Promise((r) => setTimeout(r, 100));
    expect(events[2]).toBe('ERROR:410');
    expect(ended).not.toBe('open');
    const gone: string[] = [];
    await new Promise<void>((resolve) => {
      void new k8s.Watch(kc).watch(
        '/api/v1/namespaces/demo/configmaps',
        { resourceVersion: list.metadata?.resourceVersion },
        (type, obj: k8s.V1Status) => gone.push(`${type}:${obj.code}`),
        () => resolve(),
      );
    });
    expect(gone).toEqual(['ERROR:410']);
    const relisted = await core.listNamespacedConfigMap({ namespace: 'demo' });
    expect(Number(relisted.metadata?.resourceVersion)).toBeGreaterThan(
      Number(list.metadata?.resourceVersion),
    );
  });

  it('a selector watch sees objects enter and leave the selection; a dropped watch ends mid-stream', async () => {
    const list = await core.listNamespacedConfigMap({ namespace: 'demo', labelSelector: 'team=a' });
    const events: string[] = [];
    const controller = await new k8s.Watch(kc).watch(
      '/api/v1/namespaces/demo/configmaps',
      { resourceVersion: list.metadata?.resourceVersion, labelSelector: 'team=a' },
      (type, obj: k8s.V1ConfigMap) => events.push(`${type}:${obj.metadata?.name}`),
      () => undefined,
    );
    const merge = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
    await core.createNamespacedConfigMap({
      namespace: 'demo',
      body: { ...cm('sel'), metadata: { name: 'sel', labels: { team: 'a' } } },
    });
    await core.patchNamespacedConfigMap(
      { name: 'sel', namespace: 'demo', body: { metadata: { labels: { team: 'b' } } } },
      merge,
    );
    await core.patchNamespacedConfigMap(
      { name: 'sel', namespace: 'demo', body: { data: { a: '2' } } },
      merge,
    );
    await core.patchNamespacedConfigMap(
      { name: 'sel', namespace: 'demo', body: { metadata: { labels: { team: 'a' } } } },
      merge,
    );
    await new Promise((r) => setTimeout(r, 200));
    controller.abort();
    expect(events).toEqual(['ADDED:sel', 'DELETED:sel', 'ADDED:sel']);

    await sim.admin.setFaults('fixture', { dropWatchesAfterMs: 300 });
    const t0 = Date.now();
    await new Promise<void>((resolve) => {
      void new k8s.Watch(kc).watch(
        '/api/v1/namespaces/demo/configmaps',
        {},
        () => undefined,
        () => resolve(),
      );
    });
    expect(Date.now() - t0).toBeLessThan(3000);
    await sim.admin.reset('fixture');
  });

  it('patches with merge, JSON and strategic patches, and scales through the subresource', async () => {
    await core.createNamespacedConfigMap({ namespace: 'demo', body: cm('patched', { a: '1', b: '2' }) });
    const merged = await core.patchNamespacedConfigMap(
      { name: 'patched', namespace: 'demo', body: { data: { a: null, c: '3' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(merged.data).toEqual({ b: '2', c: '3' });
    const jp = await core.patchNamespacedConfigMap(
      { name: 'patched', namespace: 'demo', body: [{ op: 'replace', path: '/data/b', value: 'x' }] },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch),
    );
    expect(jp.data?.b).toBe('x');
    const smp = await apps.patchNamespacedDeployment(
      {
        name: 'web',
        namespace: 'demo',
        body: { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.36' }] } } } },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
    );
    expect(smp.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['web', 'sidecar']);
    const scale = await apps.replaceNamespacedDeploymentScale({
      name: 'web',
      namespace: 'demo',
      body: { metadata: { name: 'web', namespace: 'demo' }, spec: { replicas: 4 } },
    });
    expect(scale.spec?.replicas).toBe(4);
    expect((await apps.readNamespacedDeployment({ name: 'web', namespace: 'demo' })).spec?.replicas).toBe(4);
  });

  it('applies server-side with managedFields and conflicts unless forced', async () => {
    const body = deployment('ssa', 2);
    const applied = await apps.patchNamespacedDeployment(
      { name: 'ssa', namespace: 'demo', body, fieldManager: 'alice' },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply),
    );
    expect(applied.metadata?.managedFields?.[0]).toMatchObject({ manager: 'alice', operation: 'Apply' });
    const clash = await failure(
      apps.patchNamespacedDeployment(
        { name: 'ssa', namespace: 'demo', body: deployment('ssa', 5), fieldManager: 'bob' },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply),
      ),
    );
    expect(clash.code).toBe(409);
    expect(String(clash.status.message)).toContain('.spec.replicas');
    const forced = await apps.patchNamespacedDeployment(
      { name: 'ssa', namespace: 'demo', body: deployment('ssa', 5), fieldManager: 'bob', force: true },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply),
    );
    expect(forced.spec?.replicas).toBe(5);
  });

  it('cascades deletion to owned objects and honours dryRun=All', async () => {
    const owner = await core.createNamespacedConfigMap({ namespace: 'demo', body: cm('owner') });
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata?.uid ?? '' };
    await core.createNamespacedConfigMap({
      namespace: 'demo',
      body: { ...cm('child'), metadata: { name: 'child', ownerReferences: [ref] } },
    });
    await core.createNamespacedConfigMap({
      namespace: 'demo',
      body: { ...cm('orphan'), metadata: { name: 'orphan', ownerReferences: [ref] } },
    });
    await core.createNamespacedConfigMap({ namespace: 'demo', body: cm('dry'), dryRun: 'All' });
    await expect(core.readNamespacedConfigMap({ name: 'dry', namespace: 'demo' })).rejects.toMatchObject({
      code: 404,
    });
    await core.deleteNamespacedConfigMap({ name: 'orphan', namespace: 'demo', propagationPolicy: 'Orphan' });
    await core.deleteNamespacedConfigMap({
      name: 'owner',
      namespace: 'demo',
      propagationPolicy: 'Foreground',
    });
    await expect(core.readNamespacedConfigMap({ name: 'child', namespace: 'demo' })).rejects.toMatchObject({
      code: 404,
    });
  });

  it('keeps an object with finalizers until they are removed, and deletes collections by selector', async () => {
    await core.createNamespacedConfigMap({
      namespace: 'demo',
      body: { ...cm('held'), metadata: { name: 'held', finalizers: ['example.com/hold'] } },
    });
    await core.deleteNamespacedConfigMap({ name: 'held', namespace: 'demo' });
    const still = await core.readNamespacedConfigMap({ name: 'held', namespace: 'demo' });
    expect(still.metadata?.deletionTimestamp).toBeInstanceOf(Date);
    await core.replaceNamespacedConfigMap({
      name: 'held',
      namespace: 'demo',
      body: { ...still, metadata: { ...still.metadata, finalizers: [] } },
    });
    await expect(core.readNamespacedConfigMap({ name: 'held', namespace: 'demo' })).rejects.toMatchObject({
      code: 404,
    });

    for (const n of ['c1', 'c2', 'c3'])
      await core.createNamespacedConfigMap({
        namespace: 'demo',
        body: { ...cm(n), metadata: { name: n, labels: { batch: n === 'c3' ? 'keep' : 'drop' } } },
      });
    await core.deleteCollectionNamespacedConfigMap({ namespace: 'demo', labelSelector: 'batch=drop' });
    const left = await core.listNamespacedConfigMap({ namespace: 'demo', labelSelector: 'batch' });
    expect(left.items.map((c) => c.metadata?.name)).toEqual(['c3']);
  });

  it('gives the read-only user 403 on writes and an unknown token 401', async () => {
    const viewer = new k8s.KubeConfig();
    viewer.loadFromFile(sim.viewerKubeconfigPath);
    const vcore = viewer.makeApiClient(k8s.CoreV1Api);
    expect((await vcore.listNamespacedConfigMap({ namespace: 'demo' })).items.length).toBeGreaterThan(0);
    const denied = await failure(vcore.createNamespacedConfigMap({ namespace: 'demo', body: cm('nope') }));
    expect(denied.code).toBe(403);
    expect(denied.status).toMatchObject({ reason: 'Forbidden' });
    const bad = new k8s.KubeConfig();
    bad.loadFromFile(sim.kubeconfigPath);
    (bad.getCurrentUser() as { token?: string }).token = 'not-a-token';
    const unauth = await failure(bad.makeApiClient(k8s.CoreV1Api).listNamespace());
    expect(unauth.code).toBe(401);
  });

  it('accepts the client-certificate context', async () => {
    const cert = new k8s.KubeConfig();
    cert.loadFromFile(sim.kubeconfigPath);
    cert.setCurrentContext('fixture-cert');
    const ns = await cert.makeApiClient(k8s.CoreV1Api).readNamespace({ name: 'demo' });
    expect(ns.status?.phase).toBe('Active');
  });
});
