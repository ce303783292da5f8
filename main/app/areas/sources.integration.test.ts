import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import type { ClusterPage, Inspection, Overview } from '../../../shared/contract/fleet';
import type { NodeList } from '../../../shared/contract/nodes';
import type { CaptureProgress, SourceView } from '../../../shared/contract/sources';
import type { NamespacePage } from '../../../shared/contract/workspaces';
import type { ObjectPage } from '../../../shared/objects/page';
import { createLogger } from '../../services/log';
import { createAppCore, type AppCore } from '../compose';

/**
 * The composed app over kube-sim: capture the attached fleet through the contract, open the file
 * as a source, and every fleet view (cluster list, overview, nodes, namespaces, objects, search)
 * shows what the live cache shows. Bad files are refused without touching what is open, and open
 * sources survive a restart.
 */

let sim: SimHandle;
let core: AppCore;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sources-it-'));
const dataDir = path.join(tmp, 'data');
const progress: CaptureProgress[] = [];

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await core.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function refused(name: string, input: unknown): Promise<string> {
  const result = await core.router.dispatch(name, input);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error.message;
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const start = () => {
  core = createAppCore({ dataDir, shell: 'web', log: createLogger({ quiet: true }) });
  core.events.subscribe((name, payload) => {
    if (name === 'snapshots.progress') progress.push(payload as CaptureProgress);
  });
};

beforeAll(async () => {
  sim = await startSim({ outDir: path.join(tmp, 'sim'), clusters: 2, nodes: 3, pods: 40, seed: 5 });
  start();
}, 60_000);

afterAll(async () => {
  await core?.close();
  await sim?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('snapshots through the composed app', () => {
  const ids = new Map<string, string>(); // cluster id → name
  let file = '';
  let view: SourceView;

  it('captures the attached fleet to a file', async () => {
    const inspection = await call<Inspection>('kubeconfig.inspect', { paths: [sim.kubeconfigPath] });
    const contexts = inspection.contexts.filter((c) => c.ok && c.authKind === 'token');
    const attached = await call<{ results: Array<{ ok: boolean; clusterId?: string; name: string }> }>(
      'clusters.attach',
      {
        importId: inspection.importId,
        items: contexts.map((c, i) => ({
          context: c.key,
          name: `c${i}`,
          labels: { env: `e${i}`, tier: 'web' },
        })),
      },
    );
    for (const r of attached.results) ids.set(r.clusterId!, r.name);
    await until('the cache to hold every cluster', async () => {
      const c = await call<Record<string, number>>('objects.count', { by: 'cluster' });
      return [...ids.keys()].every((id) => (c[id] ?? 0) > 20) ? c : undefined;
    });
    // let the controllers settle so the live counts hold still
    await new Promise((r) => setTimeout(r, 1500));
    file = path.join(tmp, 'fleet.flotilla');
    const { taskId } = await call<{ taskId: string }>('snapshots.capture', {
      scope: { kind: 'fleet' },
      path: file,
      includeEvents: false,
    });
    const done = await until('the capture to end', async () =>
      progress.find((p) => p.taskId === taskId && ['done', 'failed', 'cancelled'].includes(p.phase)),
    );
    expect(done).toMatchObject({ phase: 'done', path: file });
    expect(fs.existsSync(file)).toBe(true);
  }, 120_000);

  it('captures one cluster or a group by name, and cancelling leaves no file', async () => {
    const ended = (taskId: string) =>
      until('the capture to end', async () =>
        progress.find((p) => p.taskId === taskId && ['done', 'failed', 'cancelled'].includes(p.phase)),
      );
    const one = path.join(tmp, 'one.flotilla');
    const a = await call<{ taskId: string }>('snapshots.capture', {
      scope: { kind: 'cluster', name: 'c1' },
      path: one,
    });
    expect((await ended(a.taskId)).phase).toBe('done');
    const group = path.join(tmp, 'group.flotilla');
    const b = await call<{ taskId: string }>('snapshots.capture', {
      scope: { kind: 'group', name: 'default' },
      path: group,
    });
    expect((await ended(b.taskId)).phase).toBe('done');
    const cancelled = path.join(tmp, 'cancelled.flotilla');
    const c = await call<{ taskId: string }>('snapshots.capture', {
      scope: { kind: 'fleet' },
      path: cancelled,
    });
    expect(await call('snapshots.cancel', { taskId: c.taskId })).toEqual({ cancelled: true });
    expect((await ended(c.taskId)).phase).toBe('cancelled');
    expect(fs.readdirSync(tmp).filter((f) => f.includes('cancelled'))).toEqual([]);
    const opened = [
      await call<SourceView>('snapshots.open', { path: one }),
      await call<SourceView>('snapshots.open', { path: group }),
    ];
    expect(opened.map((v) => v.clusters.map((c) => c.name))).toEqual([['c1'], ['c0', 'c1']]);
    for (const v of opened) await call('sources.close', { id: v.id });
    expect(await refused('snapshots.capture', { scope: { kind: 'cluster', name: 'nope' } })).toMatch(
      /named nope/,
    );
  }, 60_000);

  it('opens it as a source every fleet view serves', async () => {
    view = await call<SourceView>('snapshots.open', { path: file });
    expect(view).toMatchObject({ kind: 'snapshot', readOnly: true, file });
    expect(view.id).toMatch(/^snapshot:/);
    expect(view.label).toMatch(/^Snapshot of c0, c1$/);
    const sources = await call<SourceView[]>('sources.list', {});
    expect(sources.map((s) => s.id)).toEqual(['live', view.id]);

    for (const [id, name] of ids) {
      const live = await call<Record<string, number>>('objects.count', { clusters: [id], by: 'kind' });
      delete live.Event;
      const snap = await call<Record<string, number>>('objects.count', {
        source: view.id,
        clusters: [name],
        by: 'kind',
      });
      expect(snap).toEqual(live);
      const liveNodes = await call<NodeList>('nodes.list', { clusters: [id], usage: false });
      const snapNodes = await call<NodeList>('nodes.list', { source: view.id, clusters: [name] });
      expect(snapNodes.items.map((n) => [n.name, n.cpu.requested])).toEqual(
        liveNodes.items.map((n) => [n.name, n.cpu.requested]),
      );
      const overview = await call<Overview>('clusters.overview', { id: name, source: view.id });
      expect(overview).toMatchObject({
        name,
        status: 'snapshot',
        pods: live.Pod,
        namespaces: live.Namespace,
      });
      const liveNs = await call<NamespacePage>('namespaces.list', { clusters: [id] });
      const snapNs = await call<NamespacePage>('namespaces.list', { clusters: [name], source: view.id });
      expect(snapNs.items.map((n) => n.name)).toEqual(liveNs.items.map((n) => n.name));
    }
    const clusters = await call<ClusterPage>('clusters.list', { source: view.id });
    for (const [id, name] of ids) {
      // the cluster row's figures (recorded at capture) are what nodes.list sums on the live cache
      const liveNodes = await call<NodeList>('nodes.list', { clusters: [id], usage: false });
      const row = clusters.items.find((c) => c.name === name)!;
      const sum = (pick: (n: NodeList['items'][number]) => number) =>
        liveNodes.items.reduce((t, n) => t + pick(n), 0);
      expect(row.nodes).toBe(liveNodes.items.length);
      expect(row.cpu!.requested).toBeCloseTo(
        sum((n) => n.cpu.requested),
        6,
      );
      expect(row.memory!.allocatable).toBe(sum((n) => n.memory.allocatable));
    }
    expect(clusters.items.map((c) => [c.name, c.status, c.type, c.groupName, c.labels])).toEqual([
      ['c0', 'snapshot', 'snapshot', 'default', { env: 'e0', tier: 'web' }],
      ['c1', 'snapshot', 'snapshot', 'default', { env: 'e1', tier: 'web' }],
    ]);
    // the labels filter and the overview read them too
    const e1 = await call<ClusterPage>('clusters.list', {
      source: view.id,
      label: 'env=e1',
    });
    expect(e1.items.map((c) => c.name)).toEqual(['c1']);
    const c0 = await call<Overview>('clusters.overview', { id: 'c0', source: view.id });
    expect(c0.labels).toEqual({ env: 'e0', tier: 'web' });
    expect(clusters.items[0]!.cpu!.allocatable).toBeGreaterThan(0);
    const pods = await call<ObjectPage>('objects.query', { source: view.id, kinds: ['Pod'], limit: 3 });
    expect(pods.items.every((p) => p.source === view.id)).toBe(true);
    const hit = await call<{ total: number }>('search.query', { source: view.id, text: pods.items[0]!.name });
    expect(hit.total).toBeGreaterThan(0);
    const { cluster, group, version, kind, namespace, name } = pods.items[0]!;
    const one = await call<{ name: string }>('objects.get', {
      source: view.id,
      cluster,
      group,
      version,
      kind,
      namespace,
      name,
    });
    expect(one.name).toBe(pods.items[0]!.name);
  });

  it('refuses broken files with the file named, and leaves open sources alone', async () => {
    const text = path.join(tmp, 'notes.flotilla');
    fs.writeFileSync(text, 'hello\n');
    expect(await refused('snapshots.open', { path: text })).toMatch(new RegExp(`${text}.*text file`));
    const cut = path.join(tmp, 'cut.flotilla');
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, 8192));
    expect(await refused('snapshots.open', { path: cut })).toMatch(/truncated/);
    expect(
      await refused('snapshots.open', { name: 'x.flotilla', dataBase64: btoa('PK\x03\x04zip') }),
    ).toMatch(/zip archive/);
    const sources = await call<SourceView[]>('sources.list', {});
    expect(sources.map((s) => s.id)).toEqual(['live', view.id]);
    expect(
      await call<Record<string, number>>('objects.count', { source: view.id, by: 'kind' }),
    ).toHaveProperty('Pod');
  });

  it('opens a file sent as bytes (browser mode) from the data folder', async () => {
    const sent = await call<SourceView>('snapshots.open', {
      name: '../../evil name.flotilla',
      dataBase64: fs.readFileSync(file).toString('base64'),
    });
    expect(path.dirname(sent.file!)).toBe(path.join(dataDir, 'snapshots', 'opened'));
    expect(sent.objects).toBe(view.objects);
    expect((await call<{ closed: boolean }>('sources.close', { id: sent.id })).closed).toBe(true);
  });

  it('opens the sample snapshot: the demo fleet, with the node usage it recorded', async () => {
    const sample = await call<SourceView>('snapshots.openSample', {});
    expect(sample.clusters.map((c) => c.name).sort()).toEqual([
      'aks-prod-eastus',
      'tanzu-kubernetes',
      'tkg-01',
    ]);
    const list = await call<ClusterPage>('clusters.list', { source: sample.id });
    expect(list.items.every((c) => c.status === 'snapshot' && (c.nodes ?? 0) > 0)).toBe(true);
    // the sample predates recorded labels: it opens, its clusters without labels
    expect(list.items.map((c) => c.labels)).toEqual([{}, {}, {}]);
    const nodes = await call<NodeList>('nodes.list', { source: sample.id });
    expect(nodes.items.length).toBe(sample.clusters.reduce((n, c) => n + c.nodes, 0));
    expect(nodes.items.some((n) => n.usage && n.usage.cpu > 0)).toBe(true);
    expect(nodes.metrics.every((m) => m.available)).toBe(true);
    expect((await call<{ closed: boolean }>('sources.close', { id: sample.id })).closed).toBe(true);
  });

  it('open sources survive a restart; closing one forgets it', async () => {
    await core.close();
    start();
    const sources = await call<SourceView[]>('sources.list', {});
    expect(sources.map((s) => s.id)).toEqual(['live', view.id]);
    const page = await call<ObjectPage>('objects.query', { source: view.id, kinds: ['Node'] });
    expect(page.total).toBeGreaterThan(0);
    expect((await call<{ closed: boolean }>('sources.close', { id: view.id })).closed).toBe(true);
    expect((await call<SourceView[]>('sources.list', {})).map((s) => s.id)).toEqual(['live']);
    expect(await refused('clusters.list', { source: view.id })).toMatch(/No source .* is open/);
    expect(fs.existsSync(file)).toBe(true);
  }, 30_000);
});
