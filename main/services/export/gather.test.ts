import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createObjectStore } from '../../store/objects';
import { applyObjectSchema } from '../../store/objects-schema';
import { gatherExport, GatherError } from './gather';

/** Which objects an export takes from the object cache: a workspace's namespaces, given namespaces, refs. */
const db = new Database(':memory:');
applyObjectSchema(db);
const store = createObjectStore(db);
afterAll(() => db.close());

const write = (cluster: string, kind: string, namespace: string, name: string, group = '') =>
  store.upsert([
    {
      source: 'live',
      cluster,
      group,
      version: 'v1',
      kind,
      object: {
        apiVersion: group ? `${group}/v1` : 'v1',
        kind,
        metadata: { name, ...(namespace ? { namespace } : {}) },
      },
    },
  ]);
write('c1', 'Namespace', '', 'shop');
write('c1', 'Namespace', '', 'other');
write('c2', 'Namespace', '', 'shop');
write('c1', 'Deployment', 'shop', 'web', 'apps');
write('c1', 'Deployment', 'other', 'batch', 'apps');
write('c2', 'Deployment', 'shop', 'web', 'apps');
write('c1', 'ClusterRole', '', 'admin', 'rbac.authorization.k8s.io');

const noLive = () => Promise.reject(new Error('not asked for'));
const names = (items: Array<{ cluster: string; object: { kind?: string; metadata?: { name?: string } } }>) =>
  items.map((i) => `${i.cluster}/${i.object.kind}/${i.object.metadata?.name}`).sort();

describe('gatherExport from the cache', () => {
  it('a workspace: its (cluster, namespace) pairs only, with their Namespace objects', async () => {
    const { items } = await gatherExport(
      { source: 'live', workspace: 'team' },
      {
        store,
        imports: { get: () => undefined },
        workspaceNamespaces: (ws) => (ws === 'team' ? [{ cluster: 'c1', namespace: 'shop' }] : []),
        liveBody: noLive,
      },
    );
    expect(names(items)).toEqual(['c1/Deployment/web', 'c1/Namespace/shop']);
  });

  it('namespaces on every cluster, or on the given clusters', async () => {
    const deps = { store, imports: { get: () => undefined }, liveBody: noLive };
    expect(names((await gatherExport({ source: 'live', namespaces: ['shop'] }, deps)).items)).toEqual([
      'c1/Deployment/web',
      'c1/Namespace/shop',
      'c2/Deployment/web',
      'c2/Namespace/shop',
    ]);
    expect(
      names((await gatherExport({ source: 'live', namespaces: ['shop'], clusters: ['c2'] }, deps)).items),
    ).toEqual(['c2/Deployment/web', 'c2/Namespace/shop']);
  });

  it('a selection of refs', async () => {
    const { items } = await gatherExport(
      {
        source: 'live',
        refs: [
          {
            cluster: 'c1',
            group: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            namespace: '',
            name: 'admin',
          },
          { cluster: 'c2', group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' },
          { cluster: 'c2', group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'gone' },
        ],
      },
      { store, imports: { get: () => undefined }, liveBody: noLive },
    );
    expect(names(items)).toEqual(['c1/ClusterRole/admin', 'c2/Deployment/web']);
  });

  it('an empty workspace and an unknown import are errors that say so', async () => {
    const deps = {
      store,
      imports: { get: () => undefined },
      workspaceNamespaces: () => [],
      liveBody: noLive,
    };
    await expect(gatherExport({ source: 'live', workspace: 'empty' }, deps)).rejects.toThrow(
      new GatherError('workspace empty has no namespaces'),
    );
    await expect(gatherExport({ source: 'manifests:x' }, deps)).rejects.toThrow(/not an open import/);
  });
});
