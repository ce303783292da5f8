import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApiextensionsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import { createLogger } from '../log';
import { openDatabase, type Db } from '../../store/db';
import type { ChangeNotice } from './notifier';
import { createObjectService, type ObjectService } from './service';

/** Integration: the object cache against kube-sim over real HTTPS, with faults switched on. */

const run = promisify(execFile);
const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const hasKubectl = fs.existsSync(KUBECTL);

async function until<T>(what: string, fn: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('object cache against kube-sim', () => {
  let sim: SimHandle;
  let dir: string;
  let db: Db;
  let service: ObjectService;
  const notices: ChangeNotice[] = [];
  const kubeConfig = (context: string) => {
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(context);
    return kc;
  };
  const names = () => sim.clusters.map((c) => c.name);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-objects-'));
    sim = await startSim({ outDir: path.join(dir, 'sim'), clusters: 3, pods: 120 });
    db = openDatabase(path.join(dir, 'flotilla.db'));
    service = createObjectService({
      db,
      log: createLogger({ quiet: true }),
      onChanged: (n) => notices.push(n),
      backoff: { baseMs: 100, maxMs: 1000 },
      watchSeconds: 30,
    });
    for (const name of names()) service.start(name, kubeConfig(name));
    await Promise.all(names().map((n) => service.whenSynced(n, undefined, 30_000)));
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    db?.close();
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasKubectl)(
    'holds what kubectl lists: pods, nodes and deployments of every cluster',
    async () => {
      for (const cluster of names()) {
        const listed = async () => {
          const { stdout } = await run(
            KUBECTL,
            [
              '--kubeconfig',
              sim.kubeconfigPath,
              '--context',
              cluster,
              'get',
              'pods,nodes,deployments',
              '-A',
              '-o',
              'json',
            ],
            { maxBuffer: 512 * 1024 * 1024 },
          );
          const items = (
            JSON.parse(stdout) as {
              items: Array<{ kind: string; metadata: { namespace?: string; name: string } }>;
            }
          ).items;
          return items.map((i) => `${i.kind}/${i.metadata.namespace ?? ''}/${i.metadata.name}`).sort();
        };
        const cached = () => {
          service.flush();
          return [
            ...service.reader.iterate({
              source: 'live',
              clusters: [cluster],
              kinds: ['Pod', 'Node', 'Deployment'],
            }),
          ]
            .map((o) => `${o.kind}/${o.namespace}/${o.name}`)
            .sort();
        };
        // controllers keep creating pods for a while: compare until both sides agree
        let last: [string[], string[]] = [[], []];
        const started = Date.now();
        while (Date.now() - started < 20_000) {
          const fromKubectl = await listed();
          await new Promise((r) => setTimeout(r, 300));
          last = [cached(), fromKubectl];
          if (JSON.stringify(last[0]) === JSON.stringify(last[1])) break;
        }
        expect(last[0].length).toBeGreaterThan(100);
        expect(last[0]).toEqual(last[1]);
      }
    },
    90_000,
  );

  it('lands a watch change in the store and sends a throttled notice', async () => {
    const cluster = names()[0];
    const api = kubeConfig(cluster).makeApiClient(CoreV1Api);
    notices.length = 0;
    await api.createNamespacedConfigMap({
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'flotilla-watch-test', labels: { probe: 'yes' } },
        data: { k: 'v' },
      },
    });
    const row = await until(
      'the new ConfigMap in the store',
      () => service.page({ clusters: [cluster], kinds: ['ConfigMap'], labelSelector: 'probe=yes' }).items[0],
    );
    expect(row.name).toBe('flotilla-watch-test');
    await until('a change notice for it', () =>
      notices.some((n) => n.changes.some((c) => c.cluster === cluster && c.kind === 'ConfigMap')),
    );
    await api.deleteNamespacedConfigMap({ namespace: 'default', name: 'flotilla-watch-test' });
    await until(
      'the ConfigMap gone from the store',
      () => service.page({ labelSelector: 'probe=yes' }).total === 0,
    );
  });

  it('never stores a Secret value, through list or watch', async () => {
    const cluster = names()[1];
    const api = kubeConfig(cluster).makeApiClient(CoreV1Api);
    const value = 'sim-secret-VALUE-never-stored';
    await api.createNamespacedSecret({
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'flotilla-secret-test' },
        stringData: { password: value },
      },
    });
    await until(
      'the Secret in the store',
      () => service.page({ kinds: ['Secret'], text: 'flotilla-secret-test' }).total === 1,
    );
    // a fresh list of the same cluster (the list path, not only the watch)
    await service.stop(cluster);
    service.start(cluster, kubeConfig(cluster));
    await service.whenSynced(cluster, ['Secret'], 20_000);
    service.flush();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const stored = service.page({ kinds: ['Secret'], text: 'flotilla-secret-test', withObject: true })
      .items[0];
    expect(stored.object).not.toHaveProperty('data');
    const bytes = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('flotilla.db'))
      .map((f) => fs.readFileSync(path.join(dir, f)));
    for (const b of bytes) {
      expect(b.includes(value)).toBe(false);
      expect(b.includes(Buffer.from(value).toString('base64'))).toBe(false);
    }
  });

  it('discovers a custom resource kind from its CRD and caches it on demand', async () => {
    const cluster = names()[0];
    const kc = kubeConfig(cluster);
    await kc.makeApiClient(ApiextensionsV1Api).createCustomResourceDefinition({
      body: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'widgets.example.com' },
        spec: {
          group: 'example.com',
          scope: 'Namespaced',
          names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              schema: { openAPIV3Schema: { type: 'object', x_kubernetes_preserve_unknown_fields: true } },
            },
          ],
        },
      },
    });
    const kind = await until('the Widget kind among the custom kinds', () =>
      service.customKinds(cluster).find((k) => k.kind === 'Widget'),
    );
    expect(kind).toEqual({
      group: 'example.com',
      version: 'v1',
      resource: 'widgets',
      kind: 'Widget',
      namespaced: true,
    });
    service.watchKind(cluster, kind);
    await kc.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
      group: 'example.com',
      version: 'v1',
      namespace: 'default',
      plural: 'widgets',
      body: {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'sprocket' },
        spec: { size: 3 },
      },
    });
    const row = await until('the Widget in the store', () =>
      service.get({
        source: 'live',
        cluster,
        group: 'example.com',
        version: 'v1',
        kind: 'Widget',
        namespace: 'default',
        name: 'sprocket',
      }),
    );
    expect(row.object.spec).toEqual({ size: 3 });
  });

  it('relists after 410 Gone and keeps following changes', async () => {
    const cluster = names()[0];
    const before = service.status(cluster)[0].kinds.find((k) => k.kind === 'ConfigMap')!.lists;
    sim.admin.expireWatches(cluster);
    await until(
      'a relist of ConfigMaps',
      () => service.status(cluster)[0].kinds.find((k) => k.kind === 'ConfigMap')!.lists > before,
    );
    const api = kubeConfig(cluster).makeApiClient(CoreV1Api);
    await api.createNamespacedConfigMap({
      namespace: 'default',
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after-410' } },
    });
    await until(
      'the ConfigMap made after the relist',
      () => service.page({ clusters: [cluster], text: 'after-410' }).total === 1,
    );
    expect(service.status(cluster)[0].state).toBe('synced');
  });

  it('resumes dropped watches without relisting', async () => {
    const cluster = names()[2];
    await sim.admin.setFaults(cluster, { dropWatchesAfterMs: 200 });
    try {
      const lists = () => service.status(cluster)[0].kinds.find((k) => k.kind === 'ConfigMap')!.lists;
      const before = lists();
      await new Promise((r) => setTimeout(r, 600));
      const api = kubeConfig(cluster).makeApiClient(CoreV1Api);
      for (let i = 0; i < 3; i++) {
        await api.createNamespacedConfigMap({
          namespace: 'default',
          body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `dropped-${i}` } },
        });
        await new Promise((r) => setTimeout(r, 250));
      }
      await until(
        'every ConfigMap made while watches drop',
        () => service.page({ clusters: [cluster], text: 'dropped-' }).total === 3,
      );
      expect(lists()).toBe(before);
    } finally {
      await sim.admin.reset(cluster);
    }
  });

  it('keeps the other clusters syncing while one is down, and recovers it', async () => {
    const [up, down] = [names()[0], names()[1]];
    await sim.admin.setFaults(down, { unreachable: 'refuse' });
    try {
      await until(
        'the down cluster reported in error',
        () => service.status(down)[0].state === 'error',
        20_000,
      );
      expect(service.status(down)[0].message).toBeTruthy();
      const api = kubeConfig(up).makeApiClient(CoreV1Api);
      const started = Date.now();
      await api.createNamespacedConfigMap({
        namespace: 'default',
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'while-down' } },
      });
      await until(
        'a change on the healthy cluster',
        () => service.page({ clusters: [up], text: 'while-down' }).total === 1,
      );
      expect(Date.now() - started).toBeLessThan(2000);
      expect(service.page({ clusters: [down], kinds: ['Pod'] }).total).toBeGreaterThan(0); // rows stay while down
    } finally {
      await sim.admin.reset(down);
    }
    service.retry(down);
    await until('the cluster back in sync', () => service.status(down)[0].state === 'synced', 20_000);
  }, 45_000);

  it('gets through failing requests (500 and 429) by retrying', async () => {
    const cluster = names()[2];
    await service.stop(cluster);
    await sim.admin.setFaults(cluster, { errorRate: 0.4, errorCode: 429 });
    try {
      service.start(cluster, kubeConfig(cluster));
      await service.whenSynced(cluster, ['Pod', 'Node', 'Deployment', 'ConfigMap'], 25_000);
      const errors = service.status(cluster)[0].kinds.reduce((n, k) => n + k.errors, 0);
      expect(errors).toBeGreaterThan(0);
      expect(service.page({ clusters: [cluster], kinds: ['Pod'] }).total).toBeGreaterThan(100);
    } finally {
      await sim.admin.reset(cluster);
    }
  }, 40_000);
});
