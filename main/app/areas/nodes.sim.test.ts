import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import { parseQuantity } from '../../../shared/nodes/quantity';
import { percentOf } from '../../../shared/nodes/allocation';
import { createLogger } from '../../services/log';
import { createObjectService, type ObjectService } from '../../services/objects/service';
import { openDatabase, type Db } from '../../store/db';
import { createNodesArea, type NodesArea } from './nodes';

/** Integration: nodes.list over the object cache of a kube-sim cluster, checked against kubectl. */

const run = promisify(execFile);
const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const hasKubectl = fs.existsSync(KUBECTL);

/** The "Allocated resources" block of `kubectl describe node`: cpu and memory requests with percent. */
function allocatedResources(
  describe: string,
): Record<'cpu' | 'memory', { requested: number; percent: number }> {
  const block = describe.split('Allocated resources:')[1];
  if (!block) throw new Error(`kubectl describe node printed no "Allocated resources" block:\n${describe}`);
  const line = (key: string) => {
    const m = new RegExp(`^\\s+${key}\\s+(\\S+)\\s+\\((\\d+)%\\)`, 'm').exec(block);
    if (!m) throw new Error(`no ${key} line in "Allocated resources":\n${block}`);
    return { requested: parseQuantity(m[1]), percent: Number(m[2]) };
  };
  return { cpu: line('cpu'), memory: line('memory') };
}

describe('nodes.list against kube-sim', () => {
  let sim: SimHandle;
  let dir: string;
  let db: Db;
  let service: ObjectService;
  let area: NodesArea;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-nodes-'));
    sim = await startSim({ outDir: path.join(dir, 'sim'), clusters: 1, pods: 60, nodes: 4 });
    db = openDatabase(path.join(dir, 'flotilla.db'));
    const log = createLogger({ quiet: true });
    service = createObjectService({ db, log });
    area = createNodesArea({ db, log, metricsTtlMs: 0 });
    const cache = area.tap(service);
    const name = sim.clusters[0]!.name;
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(name);
    cache.start(name, kc);
    await service.whenSynced(name, undefined, 30_000);
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    db?.close();
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasKubectl)(
    "each node's allocation matches kubectl describe node",
    async () => {
      const cluster = sim.clusters[0]!.name;
      service.flush();
      const list = await area.handlers['nodes.list']({ source: 'live', clusters: [cluster], usage: true });
      expect(list.items.length).toBeGreaterThanOrEqual(2);
      expect(list.items.some((n) => n.cpu.requested > 0)).toBe(true);
      for (const node of list.items) {
        const { stdout } = await run(KUBECTL, [
          '--kubeconfig',
          sim.kubeconfigPath,
          '--context',
          cluster,
          'describe',
          'node',
          node.name,
        ]);
        const kubectl = allocatedResources(stdout);
        expect(node.cpu.requested, `${node.name} cpu`).toBeCloseTo(kubectl.cpu.requested, 3);
        expect(node.memory.requested, `${node.name} memory`).toBe(kubectl.memory.requested);
        expect(percentOf(node.cpu.requested, node.cpu.allocatable), `${node.name} cpu %`).toBe(
          kubectl.cpu.percent,
        );
        expect(percentOf(node.memory.requested, node.memory.allocatable), `${node.name} memory %`).toBe(
          kubectl.memory.percent,
        );
      }
    },
    60_000,
  );

  it('reads usage from metrics.k8s.io when the cluster serves it', async () => {
    const cluster = sim.clusters[0]!.name;
    const started = Date.now();
    let list = await area.handlers['nodes.list']({ source: 'live', clusters: [cluster], usage: true });
    while (!list.items.some((n) => n.usage) && Date.now() - started < 45_000) {
      await new Promise((r) => setTimeout(r, 500));
      list = await area.handlers['nodes.list']({ source: 'live', clusters: [cluster], usage: true });
    }
    expect(list.metrics).toEqual([{ cluster, available: true }]);
    const withUsage = list.items.filter((n) => n.usage);
    expect(withUsage.length).toBeGreaterThan(0);
    for (const n of withUsage) expect(n.usage!.cpu).toBeLessThanOrEqual(n.cpu.allocatable * 1.5);
  }, 60_000);

  it('filters by node name and answers nothing for an empty cluster list', async () => {
    const cluster = sim.clusters[0]!.name;
    const all = await area.handlers['nodes.list']({ source: 'live', clusters: [cluster], usage: false });
    const one = all.items[1]!;
    const only = await area.handlers['nodes.list']({ source: 'live', names: [one.name], usage: false });
    expect(only.items).toEqual([one]);
    expect(await area.handlers['nodes.list']({ source: 'live', clusters: [], usage: false })).toEqual({
      items: [],
      metrics: [],
    });
  });
});
