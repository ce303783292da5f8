import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import { kubeRequest } from '../../kube/request';
import Database from 'better-sqlite3';
import { kubeObjects } from '../../kube/apply';
import { splitApiVersion } from '../importer';
import { createObjectStore } from '../../store/objects';
import { applyObjectSchema } from '../../store/objects-schema';
import { exportObjects } from '../export';
import { gatherExport } from '../export/gather';
import { listForExport } from '../export/live';
import { importManifests } from '../importer';
import { runManifestApply, type ManifestItem } from './apply';
import { clusterApplyClient } from './client';
import { prepareForApply } from './prepare';

/**
 * Manifests applied to kube-sim: online-boutique into an empty namespace (dry run changes nothing,
 * apply creates every object in dependency order, a second apply changes nothing), a CRD with its
 * custom resource and a new namespace in one set, a dry-run failure that stops the apply, and the
 * export round trip: a namespace exported from one cluster and applied to another recreates its
 * workloads.
 */
const corpus = path.resolve(__dirname, '../../../../shared/corpus');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manifests-apply-'));
let sim: SimHandle;
let kc1: KubeConfig;
let kc2: KubeConfig;

const kubeConfig = (context: string) => {
  const kc = new KubeConfig();
  kc.loadFromFile(sim.kubeconfigPath);
  kc.setCurrentContext(context);
  return kc;
};

async function itemsOf(inputs: string[], defaultNamespace?: string): Promise<ManifestItem[]> {
  const res = await importManifests(inputs, { defaultNamespace });
  expect(res.issues.filter((i) => i.level === 'error')).toEqual([]);
  return res.objects.map((o) => ({
    ...o,
    object: { ...o.object, metadata: { ...o.object.metadata, namespace: o.namespace || undefined } },
  }));
}

function textItems(text: string): Promise<ManifestItem[]> {
  const file = path.join(tmp, `m-${Math.random().toString(36).slice(2)}.yaml`);
  fs.writeFileSync(file, text);
  return itemsOf([file]);
}

const count = async (kc: KubeConfig, p: string) =>
  ((await kubeRequest(kc, p)) as { items: unknown[] }).items.length;

beforeAll(async () => {
  sim = await startSim({ outDir: path.join(tmp, 'sim'), clusters: 2, nodes: 2, pods: 0 });
  kc1 = kubeConfig(sim.clusters[0]!.name);
  kc2 = kubeConfig(sim.clusters[1]!.name);
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('runManifestApply against kube-sim', () => {
  it('online-boutique into an empty namespace: dry run, apply, unchanged on a second apply', async () => {
    const ns = await textItems('apiVersion: v1\nkind: Namespace\nmetadata: {name: boutique}\n');
    await runManifestApply(clusterApplyClient(kc1), ns, { dryRunOnly: false });
    const items = await itemsOf(
      [path.join(corpus, 'online-boutique/release/kubernetes-manifests.yaml')],
      'boutique',
    );
    expect(items).toHaveLength(35);
    const client = clusterApplyClient(kc1);

    const dry = await runManifestApply(client, items, { dryRunOnly: true });
    expect(dry).toMatchObject({ dryRun: true, ok: true });
    expect(dry.results.map((r) => r.outcome)).toEqual(Array(35).fill('created'));
    expect(await count(kc1, '/apis/apps/v1/namespaces/boutique/deployments')).toBe(0);
    // dependency order: accounts, then services, then workloads
    const kinds = dry.results.map((r) => r.kind);
    expect(kinds.lastIndexOf('ServiceAccount')).toBeLessThan(kinds.indexOf('Service'));
    expect(kinds.lastIndexOf('Service')).toBeLessThan(kinds.indexOf('Deployment'));

    const applied = await runManifestApply(client, items, { dryRunOnly: false });
    expect(applied).toMatchObject({ dryRun: false, ok: true });
    expect(applied.results.every((r) => r.outcome === 'created')).toBe(true);
    expect(await count(kc1, '/apis/apps/v1/namespaces/boutique/deployments')).toBe(12);
    expect(await count(kc1, '/api/v1/namespaces/boutique/services')).toBe(12);
    expect(await count(kc1, '/api/v1/namespaces/boutique/serviceaccounts')).toBeGreaterThanOrEqual(11);

    const again = await runManifestApply(client, items, { dryRunOnly: false });
    expect(again.results.map((r) => r.outcome)).toEqual(Array(35).fill('unchanged'));

    const changed = items.map((i) =>
      i.kind === 'Deployment' && i.name === 'frontend'
        ? { ...i, object: { ...i.object, spec: { ...(i.object.spec as object), replicas: 3 } } }
        : i,
    );
    const dryChange = await runManifestApply(client, changed, { dryRunOnly: true });
    expect(dryChange.results.filter((r) => r.outcome === 'configured')).toEqual([
      { kind: 'Deployment', namespace: 'boutique', name: 'frontend', outcome: 'configured' },
    ]);
  }, 60_000);

  it('a CRD, its custom resource and a new namespace in one set: checked, then applied in order', async () => {
    const items = await textItems(`
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: widgets}
data: {size: "3"}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w1, namespace: widgets}
spec: {size: 3}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties: {size: {type: integer}}
---
apiVersion: v1
kind: Namespace
metadata: {name: widgets}
`);
    const client = clusterApplyClient(kc1);
    const dry = await runManifestApply(client, items, { dryRunOnly: true });
    expect(dry.ok).toBe(true);
    expect(dry.results.map((r) => `${r.kind}:${r.outcome}`)).toEqual([
      'CustomResourceDefinition:created',
      'Namespace:created',
      'ConfigMap:skipped',
      'Widget:skipped',
    ]);
    expect(dry.results[3]!.message).toMatch(/widgets.example.com is created by this apply/);
    const applied = await runManifestApply(client, items, { dryRunOnly: false });
    expect(applied.results.map((r) => `${r.kind}:${r.outcome}`)).toEqual([
      'CustomResourceDefinition:created',
      'Namespace:created',
      'ConfigMap:created',
      'Widget:created',
    ]);
    expect(await count(kc1, '/apis/example.com/v1/namespaces/widgets/widgets')).toBe(1);
  }, 60_000);

  it('a dry-run failure carries the server message and nothing is applied', async () => {
    const items = await textItems(`
apiVersion: v1
kind: ConfigMap
metadata: {name: fine, namespace: default}
data: {a: "1"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: broken, namespace: default}
spec:
  replicas: 1
  template:
    metadata: {labels: {app: x}}
    spec: {containers: [{name: c, image: nginx}]}
`);
    const run = await runManifestApply(clusterApplyClient(kc1), items, { dryRunOnly: false });
    expect(run).toMatchObject({ dryRun: true, ok: false });
    const failed = run.results.find((r) => r.outcome === 'failed')!;
    expect(failed).toMatchObject({ kind: 'Deployment', name: 'broken' });
    expect(failed.message).toMatch(/selector/i);
    expect(
      await clusterApplyClient(kc1).get({
        group: '',
        version: 'v1',
        kind: 'ConfigMap',
        namespace: 'default',
        name: 'fine',
      }),
    ).toBeUndefined();
  }, 60_000);

  it('round trip: a namespace exported from one cluster recreates its workloads on another', async () => {
    // the boutique namespace from the first test, with pods and replica sets made by the controllers
    const deadline = Date.now() + 20_000;
    while ((await count(kc1, '/api/v1/namespaces/boutique/pods')) < 12 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    const live = await listForExport(kc1, { namespaces: ['boutique'] });
    expect(live.some((o) => o.kind === 'Pod')).toBe(true);
    expect(live.some((o) => o.kind === 'ReplicaSet')).toBe(true);
    const folder = path.join(tmp, 'export');
    const out = await exportObjects(
      live.map((object) => ({ cluster: 'c1', object })),
      { layout: 'folder', path: folder },
    );
    expect(out.written).toBe(true);
    const names = out.files.map((f) => path.relative(folder, f.path));
    expect(names.filter((n) => /deployment-/.test(n))).toHaveLength(12);
    expect(names.some((n) => /(pod|replicaset|endpoint)/.test(n))).toBe(false);
    expect(names[0]).toBe('boutique/00-namespace-boutique.yaml');
    const text = out.files.map((f) => fs.readFileSync(f.path, 'utf8')).join('---\n');
    for (const noise of [
      'managedFields',
      'resourceVersion',
      'uid:',
      'creationTimestamp',
      'status:',
      'clusterIP:',
    ]) {
      expect(text).not.toContain(noise);
    }

    const again = await itemsOf([folder]);
    const run = await runManifestApply(clusterApplyClient(kc2), again, { dryRunOnly: false });
    expect(run.ok).toBe(true);
    expect(await count(kc2, '/apis/apps/v1/namespaces/boutique/deployments')).toBe(12);
    const until = Date.now() + 20_000;
    while ((await count(kc2, '/api/v1/namespaces/boutique/pods')) < 12 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await count(kc2, '/api/v1/namespaces/boutique/pods')).toBeGreaterThanOrEqual(12);
  }, 90_000);
  it('export from the live cache: a namespace with its Namespace object, ConfigMap data read fresh', async () => {
    // the cache as the informers fill it: ConfigMaps and Secrets without their data
    const db = new Database(':memory:');
    applyObjectSchema(db);
    const store = createObjectStore(db);
    const live = await listForExport(kc1);
    store.upsert(
      live.map((object) => ({
        source: 'live',
        cluster: 'c1',
        ...splitApiVersion(String(object.apiVersion)),
        kind: String(object.kind),
        object,
      })),
    );
    expect(
      store.get({
        source: 'live',
        cluster: 'c1',
        group: '',
        version: 'v1',
        kind: 'ConfigMap',
        namespace: 'widgets',
        name: 'settings',
      })?.object.data,
    ).toBeUndefined();
    const { items, problems } = await gatherExport(
      { source: 'live', namespaces: ['widgets'] },
      { store, imports: { get: () => undefined }, liveBody: (_cluster, ref) => kubeObjects(kc1).get(ref) },
    );
    expect(problems).toEqual([]);
    const out = await exportObjects(items, { layout: 'file' });
    const text = out.files[0]!.text;
    expect(text.startsWith('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: widgets\n')).toBe(true);
    expect(text).toContain(
      'kind: ConfigMap\nmetadata:\n  name: settings\n  namespace: widgets\ndata:\n  size: "3"\n',
    );
    expect(text).not.toContain('kube-root-ca.crt');
    db.close();
  }, 60_000);
  it('a raw dump of a namespace (status, managedFields, pods of replica sets) applies cleanly', async () => {
    const dump = await listForExport(kc1, { namespaces: ['boutique'] });
    expect(dump.some((o) => Array.isArray(o.metadata?.managedFields))).toBe(true);
    const items = dump.map((object) => ({
      ...splitApiVersion(String(object.apiVersion)),
      kind: String(object.kind),
      namespace: String(object.metadata?.namespace ?? ''),
      name: String(object.metadata?.name ?? ''),
      object,
    }));
    const prepared = prepareForApply(items);
    expect(prepared.skipped.some((s) => s.kind === 'Pod')).toBe(true);
    // the second cluster has boutique from the round trip: nothing fails, the deployments are already there
    const run = await runManifestApply(clusterApplyClient(kc2), prepared.items, { dryRunOnly: false });
    expect(run.results.filter((r) => r.outcome === 'failed')).toEqual([]);
    expect(run.results.filter((r) => r.kind === 'Deployment')).toHaveLength(12);
  }, 60_000);
});
