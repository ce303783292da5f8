import { describe, expect, it } from 'vitest';
import {
  StoreConflictError,
  StoreGoneError,
  StoreNotFoundError,
  StoreAlreadyExistsError,
  type KObject,
} from './api';
import { builtinTypes } from './builtin-types';
import { createClusterStore } from './memory';

const pod = (ns: string, name: string, labels: Record<string, string> = {}, phase = 'Running'): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
  status: { phase },
});

function store(historyLimit?: number) {
  const s = createClusterStore('t', { historyLimit });
  for (const t of builtinTypes()) s.registerType(t);
  return s;
}

describe('MemoryStore', () => {
  it('creates with uid, resourceVersion, timestamp, generation and generateName', () => {
    const s = store();
    const o = s.create('v1/pods', { ...pod('a', ''), metadata: { generateName: 'web-', namespace: 'a' } });
    expect(o.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(o.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(o.metadata.resourceVersion)).toBe(s.currentResourceVersion());
    expect(o.metadata.generation).toBe(1);
    expect(() => s.create('v1/pods', { ...pod('a', o.metadata.name ?? '') })).toThrow(
      StoreAlreadyExistsError,
    );
  });

  it('rejects a stale update and bumps generation only on spec changes', () => {
    const s = store();
    const o = s.create('apps/v1/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', namespace: 'a' },
      spec: { replicas: 1 },
    });
    const u = s.update('apps/v1/deployments', { ...o, spec: { replicas: 2 } });
    expect(u.metadata.generation).toBe(2);
    const st = s.update('apps/v1/deployments', { ...u, status: { replicas: 2 } });
    expect(st.metadata.generation).toBe(2);
    expect(() => s.update('apps/v1/deployments', { ...o, spec: { replicas: 3 } })).toThrow(
      StoreConflictError,
    );
    const same = s.update('apps/v1/deployments', st);
    expect(same.metadata.resourceVersion).toBe(st.metadata.resourceVersion);
  });

  it('lists sorted by namespace then name with label and field selectors', () => {
    const s = store();
    s.create('v1/pods', pod('b', 'x', { app: 'web' }));
    s.create('v1/pods', pod('a', 'z', { app: 'db' }, 'Pending'));
    s.create('v1/pods', pod('a-b', 'y', { app: 'web', tier: 'front' }));
    s.create('v1/pods', pod('a', 'y', { app: 'web' }));
    const names = (o: KObject[]) => o.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(names(s.list('v1/pods'))).toEqual(['a/y', 'a/z', 'a-b/y', 'b/x']);
    expect(names(s.list('v1/pods', { namespace: 'a' }))).toEqual(['a/y', 'a/z']);
    expect(names(s.list('v1/pods', { labelSelector: 'app=web,!tier' }))).toEqual(['a/y', 'b/x']);
    expect(names(s.list('v1/pods', { labelSelector: 'app in (db, x)' }))).toEqual(['a/z']);
    expect(names(s.list('v1/pods', { fieldSelector: 'status.phase!=Running' }))).toEqual(['a/z']);
    expect(names(s.list('v1/pods', { fieldSelector: 'metadata.namespace=a-b' }))).toEqual(['a-b/y']);
  });

  it('resumes watches from history and reports 410 once it is compacted away', () => {
    const s = store(3);
    const start = s.currentResourceVersion();
    for (let i = 0; i < 5; i++) s.create('v1/pods', pod('a', `p${i}`));
    expect(() => s.eventsSince(start, 'v1/pods')).toThrow(StoreGoneError);
    const recent = s.eventsSince(s.currentResourceVersion() - 2, 'v1/pods');
    expect(recent.map((e) => e.object.metadata.name)).toEqual(['p3', 'p4']);
    s.compact();
    expect(() => s.eventsSince(s.currentResourceVersion() - 1)).toThrow(StoreGoneError);
    expect(s.eventsSince(s.currentResourceVersion())).toEqual([]);
  });

  it('delivers events in order, indexes dependents and deletes', () => {
    const s = store();
    const seen: string[] = [];
    const off = s.subscribe((e) => seen.push(`${e.type}:${e.object.metadata.name}`));
    const owner = s.create('apps/v1/replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs', namespace: 'a' },
    });
    const child = pod('a', 'c1');
    child.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: owner.metadata.uid ?? '' },
    ];
    s.create('v1/pods', child);
    expect(s.dependents(owner.metadata.uid ?? '').map((d) => d.object.metadata.name)).toEqual(['c1']);
    s.mutate('v1/pods', 'a', 'c1', (p) => {
      p.metadata.labels = { x: '1' };
    });
    s.delete('v1/pods', 'a', 'c1');
    off();
    expect(seen).toEqual(['ADDED:rs', 'ADDED:c1', 'MODIFIED:c1', 'DELETED:c1']);
    expect(s.dependents(owner.metadata.uid ?? '')).toEqual([]);
    expect(() => s.delete('v1/pods', 'a', 'c1')).toThrow(StoreNotFoundError);
  });

  it('pages through a scan with `after`', () => {
    const s = store();
    for (let i = 0; i < 10; i++)
      s.create('v1/configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `cm${i}`, namespace: 'a' },
      });
    const first = [...s.scan('v1/configmaps', { namespace: 'a' })].slice(0, 4);
    const rest = [...s.scan('v1/configmaps', { namespace: 'a', after: first[3].key })];
    expect(rest.map((r) => r.object.metadata.name)).toEqual(['cm4', 'cm5', 'cm6', 'cm7', 'cm8', 'cm9']);
  });
});
