import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import { createLogger } from '../log';
import { createObjectService, type ObjectService } from '../objects/service';
import { openDatabase, type Db } from '../../store/db';
import { CaptureCancelled, captureSnapshot, type CaptureCluster } from './capture';
import { openSnapshot } from './reader';

/** Capture from kube-sim's clusters through the live cache, then open the file: the same objects. */

const includes = { secretValues: false, events: true, metrics: false, logs: false };

describe('snapshot capture against kube-sim', () => {
  let sim: SimHandle;
  let dir: string;
  let db: Db;
  let service: ObjectService;
  let clusters: CaptureCluster[];
  const kubeConfig = (context: string) => {
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(context);
    return kc;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-capture-'));
    sim = await startSim({ outDir: path.join(dir, 'sim'), clusters: 2, pods: 60, seed: 7 });
    db = openDatabase(path.join(dir, 'flotilla.db'));
    service = createObjectService({ db, log: createLogger({ quiet: true }), watchSeconds: 30 });
    clusters = sim.clusters.map((c, i) => ({
      id: `id-${i}`,
      name: c.name,
      group: i === 0 ? 'prod' : 'dev',
      ...(i === 0 ? { labels: { env: 'prod', 'example.com/team': 'payments' } } : {}),
      provider: 'unknown',
      version: 'v1.30.0',
      kubeConfig: () => kubeConfig(c.name),
    }));
    for (const c of clusters) service.start(c.id, c.kubeConfig!());
    await Promise.all(clusters.map((c) => service.whenSynced(c.id, undefined, 30_000)));
    // a secret with data, to check what a capture keeps of it
    for (const c of sim.clusters) {
      const kc = kubeConfig(c.name);
      const { CoreV1Api } = await import('@kubernetes/client-node');
      await kc.makeApiClient(CoreV1Api).createNamespacedSecret({
        namespace: 'default',
        body: { metadata: { name: 'db-password' }, data: { password: btoa('hunter2'), user: btoa('admin') } },
      });
    }
    await new Promise((r) => setTimeout(r, 500));
    service.flush();
  }, 90_000);

  afterAll(async () => {
    await service?.close();
    db?.close();
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('round trip: the file holds the same objects, by cluster and kind, as the live cache', async () => {
    const file = path.join(dir, 'fleet.flotilla');
    const phases: string[] = [];
    const meta = await captureSnapshot({
      db,
      clusters,
      scope: 'fleet',
      file,
      includes,
      flotillaVersion: 'test',
      pageSize: 100,
      onProgress: (p) => phases.push(p.phase),
    });
    expect(phases[0]).toBe('reading');
    expect(phases).toContain('writing');
    expect(phases.at(-1)).toBe('done');
    const snap = openSnapshot(file, 'snapshot:t1');
    try {
      for (const c of clusters) {
        const live = service.store.countBy({ source: 'live', clusters: [c.id] }, 'kind');
        const file = snap.store.countBy({ source: 'snapshot:t1', clusters: [c.name] }, 'kind');
        expect(file).toEqual(live);
        expect(Object.keys(live)).toEqual(expect.arrayContaining(['Pod', 'Node', 'Deployment', 'Secret']));
        const m = meta.clusters.find((x) => x.name === c.name)!;
        expect(m.kinds).toEqual(live);
        expect(m.nodes).toBe(live.Node);
        expect(m.group).toBe(c.group);
        // the cluster's labels travel with it (none recorded as none)
        expect(m.labels).toEqual(c.labels ?? {});
        expect(snap.meta.clusters.find((x) => x.name === c.name)!.labels).toEqual(c.labels ?? {});
      }
      expect(snap.meta.objects).toBe(service.store.count({ source: 'live' }));
      const page = snap.store.page({ source: 'snapshot:t1', kinds: ['Pod'], limit: 5 });
      expect(page.items).toHaveLength(5);
      expect(page.items.every((i) => i.source === 'snapshot:t1')).toBe(true);
      expect(snap.store.search({ source: 'snapshot:t1', text: page.items[0]!.name }).total).toBeGreaterThan(
        0,
      );
      // secret: keys kept, values dropped
      const secret = snap.store.get({
        source: 'snapshot:t1',
        cluster: clusters[0]!.name,
        group: '',
        version: 'v1',
        kind: 'Secret',
        namespace: 'default',
        name: 'db-password',
      });
      expect(secret?.object.data).toEqual({ password: '', user: '' });
      expect(fs.readFileSync(file).includes(Buffer.from(btoa('hunter2')))).toBe(false);
    } finally {
      snap.close();
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('keeps secret values and leaves out events only when asked', async () => {
    const file = path.join(dir, 'secrets.flotilla');
    await captureSnapshot({
      db,
      clusters: clusters.slice(0, 1),
      scope: `cluster ${clusters[0]!.name}`,
      file,
      includes: { ...includes, secretValues: true, events: false },
      flotillaVersion: 'test',
    });
    const snap = openSnapshot(file);
    try {
      expect(snap.meta.clusters.map((c) => c.name)).toEqual([clusters[0]!.name]);
      expect(snap.store.count({ kinds: ['Event'] })).toBe(0);
      expect(snap.meta.kinds).not.toContain('Event');
      const secret = snap.store.get({
        source: 'snapshot',
        cluster: clusters[0]!.name,
        group: '',
        version: 'v1',
        kind: 'Secret',
        namespace: 'default',
        name: 'db-password',
      });
      expect(secret?.object.data).toEqual({ password: btoa('hunter2'), user: btoa('admin') });
    } finally {
      snap.close();
    }
  });

  it('a workspace keeps only its namespaces (and cluster-scoped objects)', async () => {
    const file = path.join(dir, 'ws.flotilla');
    const namespaces = new Map([[clusters[0]!.id, new Set(['default'])]]);
    await captureSnapshot({
      db,
      clusters: clusters.slice(0, 1),
      namespaces,
      scope: 'workspace shop',
      file,
      includes,
      flotillaVersion: 'test',
    });
    const snap = openSnapshot(file);
    try {
      expect(Object.keys(snap.store.countBy({}, 'namespace')).sort()).toEqual(['', 'default']);
      expect(snap.store.count({ kinds: ['Namespace'] })).toBe(1);
      expect(snap.store.count({ kinds: ['Node'] })).toBe(
        service.store.count({ clusters: [clusters[0]!.id], kinds: ['Node'] }),
      );
    } finally {
      snap.close();
    }
  });

  it('a cancelled capture leaves no file, and no temporary file', async () => {
    const file = path.join(dir, 'cancelled.flotilla');
    const abort = new AbortController();
    const phases: string[] = [];
    const run = captureSnapshot({
      db,
      clusters,
      scope: 'fleet',
      file,
      includes,
      flotillaVersion: 'test',
      pageSize: 10,
      signal: abort.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === 'writing' && p.done >= 30) abort.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CaptureCancelled);
    expect(phases.at(-1)).toBe('cancelled');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('cancelled'))).toEqual([]);
  });

  it('a failed capture (unwritable place) leaves no file', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    await expect(
      captureSnapshot({
        db,
        clusters,
        scope: 'fleet',
        file: path.join(blocker, 'x.flotilla'),
        includes,
        flotillaVersion: 't',
      }),
    ).rejects.toThrow();
    expect(fs.readFileSync(blocker, 'utf8')).toBe('x');
  });
});
