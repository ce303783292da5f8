import net from 'node:net';
import Database from 'better-sqlite3';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../ipc/router';
import { createLogger } from '../../services/log';
import { createObjectStore } from '../../store/objects';
import { applyObjectSchema } from '../../store/objects-schema';
import { createManifestsArea } from './manifests';

/**
 * Exporting live ConfigMaps reads their data from the cluster (the cache keeps metadata only). A
 * cluster that accepts connections and never answers (a real socket) fails the export within the
 * call deadline, naming the cluster and the object, and is not asked again for the next object:
 * the renderer (15 s) never gets to blame Flotilla.
 */
let server: net.Server;
const sockets = new Set<net.Socket>();
let db: Database.Database;

beforeAll(async () => {
  server = net.createServer((s) => void sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  db = new Database(':memory:');
  applyObjectSchema(db);
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
  db.close();
});

it('a silent cluster fails the export within the call deadline, naming it and the object', async () => {
  const { port } = server.address() as net.AddressInfo;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'quiet-one', server: `https://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'ctx', cluster: 'quiet-one', user: 'u' }],
    currentContext: 'ctx',
  });
  const store = createObjectStore(db);
  const namespace = { metadata: { name: 'shop' } };
  store.upsert([
    { source: 'live', cluster: 'c1', group: '', version: 'v1', kind: 'Namespace', object: namespace },
  ]);
  store.upsert(
    ['a', 'b'].map((name) => ({
      source: 'live',
      cluster: 'c1',
      group: '',
      version: 'v1',
      kind: 'ConfigMap',
      object: { metadata: { name, namespace: 'shop' } },
    })),
  );
  const area = createManifestsArea({ log: createLogger({ quiet: true }), store, kubeConfigFor: () => kc });
  const router = createRouter(area.handlers as unknown as Handlers, createLogger({ quiet: true }));
  const result = await router.dispatch('export.yaml', {
    source: 'live',
    clusters: ['c1'],
    namespaces: ['shop'],
  });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('UNAVAILABLE');
  expect(result.error.message).toContain('quiet-one did not answer within 10 s (GET /api/v1');
  // the second ConfigMap failed at once with the same words: one wait, not one per object
  expect(result.error.message.match(/did not answer/g)).toHaveLength(2);
}, 30_000);
