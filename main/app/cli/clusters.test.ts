import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import type { ClusterRow } from '../../../shared/contract/fleet';
import { createEventBus } from '../../ipc/events';
import { createLogger } from '../../services/log';
import { openDatabase } from '../../store/db';
import { createFleetArea } from '../areas/fleet';
import { clustersCommand } from './clusters';

let sim: SimHandle;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-clusters-'));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await clustersCommand(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  sim = await startSim({ outDir: path.join(dataDir, 'sim'), clusters: 2, nodes: 2, pods: 6 });
  const db = openDatabase(path.join(dataDir, 'flotilla.db'));
  const area = createFleetArea({
    db,
    dataDir,
    log: createLogger({ quiet: true }),
    events: createEventBus(),
    connect: false,
  });
  const i = await area.handlers['kubeconfig.inspect']({ paths: [sim.kubeconfigPath] });
  await area.handlers['clusters.attach']({
    importId: i.importId,
    items: sim.clusters.map((c, n) => ({
      context: c.name,
      name: `sim-${n}`,
      description: '',
      labels: { n: String(n) },
      groupId: 'default',
    })),
  });
  await area.close();
  db.close();
}, 60_000);
afterAll(() => sim?.stop());

describe('flotilla clusters list', () => {
  it('prints every cluster with its figures as JSON', async () => {
    await sim.admin.setFaults(sim.clusters[1]!.name, { unreachable: 'refuse' });
    const { code, out } = await run('list', '--json', '--data-dir', dataDir, '--timeout', '5');
    expect(code).toBe(0);
    const rows = (JSON.parse(out) as { clusters: ClusterRow[] }).clusters;
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['sim-0', 'ready'],
      ['sim-1', 'unreachable'],
    ]);
    expect(rows[0]!.nodes).toBe(2);
    expect(rows[0]!.cpu!.allocatable).toBeGreaterThan(0);
    expect(rows[1]!.statusMessage).toMatch(/refused/);
    for (const c of sim.clusters) expect(out).not.toContain(c.adminToken);
  });

  it('prints a table, filters by label, and refuses bad options', async () => {
    const t = await run('list', '--data-dir', dataDir, '--no-connect', '--label', 'n=0');
    expect(t.code).toBe(0);
    expect(t.out.split('\n')[0]).toMatch(/^NAME\s+GROUP\s+PROVIDER\s+STATUS/);
    expect(t.out).toContain('sim-0');
    expect(t.out).not.toContain('sim-1');
    expect((await run('list', '--status', 'sleepy')).code).toBe(2);
    expect((await run('remove')).code).toBe(2);
    expect((await run('list', '--data-dir', dataDir, '--group', 'nope', '--no-connect')).err).toMatch(
      /no cluster group named "nope"/,
    );
  });
});
