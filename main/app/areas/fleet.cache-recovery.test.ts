import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import type { Inspection } from '../../../shared/contract/fleet';
import { DEFAULT_KINDS } from '../../kube/informer/resources';
import { createEventBus } from '../../ipc/events';
import { createRouter, type Handlers } from '../../ipc/router';
import { createLogger } from '../../services/log';
import { createObjectService, type ObjectService } from '../../services/objects/service';
import { openDatabase, type Db } from '../../store/db';
import { createFleetArea, type FleetArea } from './fleet';

/**
 * A cluster that comes back is cached again at once: its informers' back-off here is ten minutes,
 * so only the fleet's "ready again" (and Reconnect) can bring the cache back within the test.
 */
let sim: SimHandle;
let db: Db;
let cache: ObjectService;
let area: FleetArea;
let connection = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-recovery-'));

beforeAll(async () => {
  sim = await startSim({ outDir: path.join(tmp, 'sim'), clusters: 1, nodes: 2, pods: 4, seed: 5 });
  db = openDatabase(path.join(tmp, 'flotilla.db'));
  const log = createLogger({ quiet: true });
  const events = createEventBus();
  events.subscribe((name, payload) => {
    if (name === 'cluster.connection') connection = (payload as { state: string }).state;
  });
  cache = createObjectService({
    db,
    log,
    kinds: DEFAULT_KINDS.filter((k) => k.kind === 'Namespace' || k.kind === 'Node'),
    backoff: { baseMs: 600_000, maxMs: 600_000 },
  });
  area = createFleetArea({
    db,
    log,
    events,
    dataDir: tmp,
    cache,
    connections: {
      timing: { pollMs: 500, baseMs: 300, maxMs: 1000, jitter: 0.1 },
      probeTimeoutMs: 2000,
      tickMs: 100,
    },
  });
}, 60_000);

afterAll(async () => {
  await area?.close();
  await cache?.close();
  db?.close();
  await sim?.stop();
});

async function until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('lists a cluster again as soon as it answers again, without waiting out the back-off', async () => {
  const router = createRouter(area.handlers as unknown as Handlers, createLogger({ quiet: true }));
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await router.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const inspection = await call<Inspection>('kubeconfig.inspect', { paths: [sim.kubeconfigPath] });
  const context = inspection.contexts.find((c) => c.ok && c.authKind === 'token')!;
  const attached = await call<{ results: Array<{ clusterId?: string }> }>('clusters.attach', {
    importId: inspection.importId,
    items: [{ context: context.key, name: 'one' }],
  });
  const id = attached.results[0]!.clusterId!;
  await until('the first sync', () => cache.status(id)[0]?.state === 'synced');

  await sim.admin.setFaults(sim.clusters[0]!.name, { unreachable: 'refuse' });
  await until('the cache to fail', () => cache.status(id)[0]?.state === 'error');
  await until('the cluster to be unreachable', () => connection === 'unreachable');

  await sim.admin.reset(sim.clusters[0]!.name);
  await until('the cache to sync again', () => cache.status(id)[0]?.state === 'synced');
  expect(cache.status(id)[0]!.kinds.every((k) => k.lists >= 2)).toBe(true);
}, 90_000);
