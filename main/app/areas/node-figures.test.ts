import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyObjectSchema } from '../../store/objects-schema';
import { createObjectStore, type ObjectStore } from '../../store/objects';
import type { ObjectWrite } from '../../store/object-row';
import type { Db } from '../../store/db';
import { createNodeFiguresReader, type NodeFiguresReader } from './node-figures';

const node = (cluster: string, name: string, cpu = '4', rv = '1'): ObjectWrite => ({
  source: 'live',
  cluster,
  group: '',
  version: 'v1',
  kind: 'Node',
  object: {
    metadata: { name, resourceVersion: rv, uid: `${cluster}-${name}` },
    status: { allocatable: { cpu, memory: '8Gi' }, conditions: [{ type: 'Ready', status: 'True' }] },
  },
});

const pod = (
  cluster: string,
  name: string,
  nodeName: string,
  cpu: string,
  phase = 'Running',
  rv = '1',
): ObjectWrite => ({
  source: 'live',
  cluster,
  group: '',
  version: 'v1',
  kind: 'Pod',
  object: {
    metadata: { name, namespace: 'ns', resourceVersion: rv, uid: `${cluster}-${name}` },
    spec: { nodeName, containers: [{ name: 'c', resources: { requests: { cpu, memory: '1Gi' } } }] },
    status: { phase },
  },
});

describe('node figures from the object table', () => {
  let db: Db;
  let store: ObjectStore;
  let reader: NodeFiguresReader;
  beforeEach(() => {
    db = new Database(':memory:');
    applyObjectSchema(db);
    store = createObjectStore(db);
    reader = createNodeFiguresReader(db);
    store.upsert([
      node('c1', 'n1'),
      node('c1', 'n2'),
      node('c2', 'n1', '2'),
      pod('c1', 'a', 'n1', '500m'),
      pod('c1', 'b', 'n1', '250m'),
      pod('c1', 'c', 'n2', '1'),
      pod('c1', 'done', 'n2', '3', 'Succeeded'),
      pod('c2', 'a', 'n1', '100m'),
    ]);
  });
  afterEach(() => db.close());

  const cpu = (cluster: string, name: string) => reader.requests('live').get(cluster)?.get(name)?.cpu;

  it('sums per cluster and node, leaving finished pods out', () => {
    expect(cpu('c1', 'n1')).toBe(0.75);
    expect(cpu('c1', 'n2')).toBe(1);
    expect(cpu('c2', 'n1')).toBe(0.1);
    expect(reader.nodes('live').map((n) => `${n.cluster}/${n.facts.name}:${n.facts.allocatableCpu}`)).toEqual(
      ['c1/n1:4', 'c1/n2:4', 'c2/n1:2'],
    );
  });

  it('filters by cluster and node name', () => {
    expect([...reader.requests('live', ['c2']).keys()]).toEqual(['c2']);
    expect(reader.nodes('live', ['c1'], ['n2']).map((n) => n.facts.name)).toEqual(['n2']);
    expect([...reader.requests('live', undefined, ['n2']).get('c1')!.keys()]).toEqual(['n2']);
  });

  it('follows updates (new resourceVersion) and removals', () => {
    expect(cpu('c1', 'n1')).toBe(0.75);
    store.upsert([pod('c1', 'a', 'n1', '500m', 'Failed', '2'), node('c1', 'n1', '8', '2')]);
    expect(cpu('c1', 'n1')).toBe(0.25);
    expect(reader.nodes('live', ['c1'], ['n1'])[0]!.facts.allocatableCpu).toBe(8);
    store.remove([{ source: 'live', cluster: 'c1', group: '', kind: 'Pod', namespace: 'ns', name: 'b' }]);
    expect(cpu('c1', 'n1')).toBeUndefined();
  });

  it('rereads only changed bodies: 20,000 pods refresh quickly the second time', () => {
    const many: ObjectWrite[] = [];
    for (let i = 0; i < 20_000; i++) many.push(pod('big', `p${i}`, `n${i % 200}`, '10m'));
    store.upsert(many);
    const t0 = performance.now();
    reader.requests('live', ['big']);
    const first = performance.now() - t0;
    const t1 = performance.now();
    const again = reader.requests('live', ['big']);
    const second = performance.now() - t1;
    expect(again.get('big')!.get('n0')).toEqual({ cpu: 1, memory: 100 * 2 ** 30, pods: 100 });
    expect(second).toBeLessThan(first);
  });
});
