import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/objects/types';
import { openDatabase, type Db } from '../../store/db';
import { createObjectStore, type ObjectStore } from '../../store/objects';
import { createDiffArea } from './diff';

// The real object cache in a SQLite file: a snapshot's rows (clusters by name) next to live rows (clusters by id).
let dir: string;
let db: Db;
let store: ObjectStore;

const deploy = (name: string, replicas: number, rv: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name,
    namespace: 'shop',
    uid: `u-${name}`,
    resourceVersion: rv,
    managedFields: [{ manager: rv }],
  },
  spec: { replicas },
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-diff-'));
  db = openDatabase(path.join(dir, 'flotilla.db'));
  store = createObjectStore(db);
  const write = (source: string, cluster: string, object: KubeObject) => ({
    source,
    cluster,
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    object,
  });
  store.upsert([
    write('snapshot:monday', 'tkg-01', deploy('web', 2, '10')),
    write('snapshot:monday', 'tkg-01', deploy('cart', 1, '11')),
    write('live', 'c-1a2b', deploy('web', 4, '90')),
    write('live', 'c-1a2b', deploy('cart', 1, '91')),
    write('live', 'c-1a2b', deploy('search', 1, '92')),
  ]);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const area = () =>
  createDiffArea({ storeFor: () => store, liveClusters: () => new Map([['c-1a2b', 'tkg-01']]) });

describe('diff area', () => {
  it('compares a snapshot with the live fleet by cluster name', async () => {
    const d = await area().handlers['snapshots.diff']({ a: 'snapshot:monday', b: 'live', showNoise: false });
    expect(d.totals).toEqual({ added: 1, removed: 0, changed: 1 });
    expect(d.changes.map((c) => `${c.change} ${c.cluster}/${c.name} ${c.fields.join(',')}`)).toEqual([
      'added tkg-01/search ',
      'changed tkg-01/web spec.replicas',
    ]);
  });

  it("shows one object's two sides as YAML with its changed fields", async () => {
    const d = await area().handlers['snapshots.diffObject']({
      a: 'snapshot:monday',
      b: 'live',
      cluster: 'tkg-01',
      group: 'apps',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
      showNoise: false,
    });
    expect(d.before).toContain('replicas: 2');
    expect(d.after).toContain('replicas: 4');
    expect(d.before).not.toContain('managedFields');
    expect(d.fields).toEqual([{ path: 'spec.replicas', before: 2, after: 4 }]);
  });

  it('names a source that is not open', async () => {
    await expect(
      area().handlers['snapshots.diff']({ a: 'snapshot:gone', b: 'live', showNoise: false }),
    ).rejects.toThrow(/snapshot:gone/);
  });
});
