import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import { ClusterQuery, type ClusterPage } from '../../../shared/contract/fleet';
import { createEventBus } from '../../ipc/events';
import { createLogger } from '../../services/log';
import { openDatabase, type Db } from '../../store/db';
import { createFleetArea, type FleetArea } from './fleet';

/**
 * A large fleet: every cluster connects, one silent cluster (accepts, never answers) does not
 * hold the others back, and a sorted, filtered page of the list is served in milliseconds.
 */
const COUNT = Number(process.env.FLOTILLA_SCALE_CLUSTERS ?? 200);
let sim: SimHandle;
let db: Db;
let area: FleetArea;
let changedEvents = 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-scale-'));

beforeAll(async () => {
  sim = await startSim({
    outDir: path.join(tmp, 'sim'),
    clusters: COUNT,
    nodes: 2,
    pods: 4,
    controllers: false,
  });
  fs.mkdirSync(path.join(tmp, 'data'));
  db = openDatabase(path.join(tmp, 'data', 'flotilla.db'));
  const bus = createEventBus();
  bus.subscribe((name) => {
    if (name === 'clusters.changed') changedEvents++;
  });
  area = createFleetArea({
    db,
    log: createLogger({ quiet: true }),
    events: bus,
    dataDir: path.join(tmp, 'data'),
    connections: { probeTimeoutMs: 4000, timing: { pollMs: 20_000 } },
  });
}, 180_000);

afterAll(async () => {
  await area?.close();
  db?.close();
  await sim?.stop();
});

const list = (q: Partial<ClusterQuery>) =>
  area.handlers['clusters.list'](ClusterQuery.parse(q)) as ClusterPage;

describe(`a fleet of ${COUNT} clusters`, () => {
  it('attaches them all and connects while one cluster stays silent', async () => {
    await sim.admin.setFaults(sim.clusters[0]!.name, { unreachable: 'silent' });
    const i = await area.handlers['kubeconfig.inspect']({ paths: [sim.kubeconfigPath] });
    const items = sim.clusters.map((c, n) => ({
      context: c.name,
      name: `c-${n}`,
      description: '',
      labels: { tier: n % 2 ? 'gold' : 'silver' },
      groupId: 'default',
    }));
    const started = Date.now();
    const { results } = await area.handlers['clusters.attach']({ importId: i.importId, items });
    expect(results.every((r) => r.ok)).toBe(true);
    let page: ClusterPage;
    do {
      await new Promise((r) => setTimeout(r, 250));
      page = await list({ status: ['ready'], limit: 1 });
    } while (page.total < COUNT - 1 && Date.now() - started < 60_000);
    expect(page.total).toBe(COUNT - 1);
    // The silent cluster's 4 s deadline did not delay the rest beyond their own probes.
    const silent = (await list({ text: 'c-0 ', limit: 5 })).items.find((r) => r.name === 'c-0');
    expect(silent?.status === 'connecting' || silent?.status === 'unreachable').toBe(true);
  }, 90_000);

  it('serves a sorted, filtered page at this size (its speed is measured in bench/)', async () => {
    const p = await list({ sort: 'cpu', dir: 'desc', label: 'tier=gold', offset: 50, limit: 100 });
    expect(p.total).toBe(COUNT / 2);
    expect(p.items).toHaveLength(COUNT / 2 - 50);
  });

  it('batches clusters.changed instead of sending one per cluster per change', () => {
    // Each cluster changed at least three times (attached, connecting → ready, figures read).
    expect(changedEvents).toBeGreaterThan(0);
    expect(changedEvents).toBeLessThan(COUNT / 4);
  });
});
