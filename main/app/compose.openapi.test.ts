import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index';
import type { Inspection } from '../../shared/contract/fleet';
import { createOpenApiCache } from '../kube/openapi-cache';
import { kubeRequest } from '../kube/request';
import { createLogger } from '../services/log';
import { createAppCore, type AppCore } from './compose';

/**
 * The YAML editor's OpenAPI cache in the composed app: apply.schema reads a cluster's documents over
 * HTTPS from kube-sim once, and detaching the cluster drops them (asking the cache for that cluster
 * again reads them again instead of serving what it kept).
 */

let sim: SimHandle;
let core: AppCore;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-openapi-'));
const fetched: string[] = [];
const openapi = createOpenApiCache({
  get: (kc, p, ms) => {
    fetched.push(p);
    return kubeRequest(kc, p, { timeoutMs: ms });
  },
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await core.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  sim = await startSim({ outDir: path.join(tmp, 'sim'), clusters: 1, nodes: 1, pods: 2, seed: 9 });
  core = createAppCore({
    dataDir: path.join(tmp, 'data'),
    shell: 'web',
    log: createLogger({ quiet: true }),
    openapi,
  });
}, 60_000);

afterAll(async () => {
  await core?.close();
  await sim?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('OpenAPI cache of the composed app', () => {
  it('forgets a cluster’s documents when the cluster is detached', async () => {
    const inspection = await call<Inspection>('kubeconfig.inspect', { paths: [sim.kubeconfigPath] });
    const context = inspection.contexts.find((c) => c.ok && c.authKind === 'token')!;
    const attached = await call<{ results: Array<{ clusterId?: string }> }>('clusters.attach', {
      importId: inspection.importId,
      items: [{ context: context.key, name: 'one' }],
    });
    const id = attached.results[0]!.clusterId!;
    const gvk = { group: 'apps', version: 'v1', kind: 'Deployment' };

    const first = await call<{ source: string }>('apply.schema', { cluster: id, ...gvk });
    expect(first.source).toBe('cluster');
    const read = fetched.length;
    expect(read).toBeGreaterThan(0);
    await call('apply.schema', { cluster: id, ...gvk });
    expect(fetched).toHaveLength(read); // kept

    await call('clusters.detach', { ids: [id] });
    // The same server, asked under the detached cluster's id: nothing is kept for it any more.
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(context.name);
    expect(await openapi.schemaFor(id, kc, gvk)).toBeDefined();
    expect(fetched).toHaveLength(2 * read);
  }, 60_000);
});
