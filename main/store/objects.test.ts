import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchesSelector, parseSelector } from '../../shared/objects/selector';
import type { KubeObject } from '../../shared/objects/types';
import { openDatabase, type Db } from './db';
import { applyObjectSchema } from './objects-schema';
import { createObjectStore, type ObjectStore } from './objects';
import type { ObjectWrite } from './object-row';

const pod = (
  cluster: string,
  namespace: string,
  name: string,
  labels: Record<string, string>,
  extra: Partial<KubeObject> = {},
): ObjectWrite => ({
  source: 'live',
  cluster,
  group: '',
  version: 'v1',
  kind: 'Pod',
  object: {
    metadata: {
      name,
      namespace,
      labels,
      uid: `${cluster}-${namespace}-${name}`,
      resourceVersion: '1',
      creationTimestamp: `2026-01-0${(name.length % 9) + 1}T00:00:00Z`,
    },
    spec: { nodeName: `${cluster}-node`, containers: [{ name: 'c' }] },
    status: { phase: 'Running' },
    ...extra,
  },
});

describe('object store', () => {
  let db: Db;
  let store: ObjectStore;
  beforeEach(() => {
    db = new Database(':memory:');
    applyObjectSchema(db);
    store = createObjectStore(db);
    store.upsert([
      pod('c1', 'shop', 'web-1', { app: 'web', tier: 'front' }),
      pod('c1', 'shop', 'web-2', { app: 'web', tier: 'front', canary: 'yes' }),
      pod('c1', 'shop', 'db-0', { app: 'db', tier: 'back' }),
      pod('c2', 'shop', 'web-1', { app: 'web' }),
      pod('c2', 'kube-system', 'coredns-abc', { 'k8s-app': 'kube-dns' }),
      {
        source: 'live',
        cluster: 'c1',
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        object: {
          metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
          spec: { replicas: 2 },
          status: { readyReplicas: 2 },
        },
      },
    ]);
  });
  afterEach(() => db.close());

  const names = (q: Parameters<ObjectStore['page']>[0]) =>
    store.page(q).items.map((i) => `${i.cluster}/${i.name}`);

  it('gets an object by reference, with its body', () => {
    const got = store.get({
      source: 'live',
      cluster: 'c1',
      group: '',
      version: 'v1',
      kind: 'Pod',
      namespace: 'shop',
      name: 'web-2',
    });
    expect(got?.labels).toEqual({ app: 'web', tier: 'front', canary: 'yes' });
    expect(got?.object.spec).toEqual({ nodeName: 'c1-node', containers: [{ name: 'c' }] });
    expect(
      store.get({
        source: 'live',
        cluster: 'c9',
        group: '',
        version: 'v1',
        kind: 'Pod',
        namespace: 'shop',
        name: 'web-2',
      }),
    ).toBeUndefined();
  });

  it('filters by cluster, kind, namespace, text, node and status', () => {
    expect(names({ kinds: ['Pod'], clusters: ['c2'] })).toEqual(['c2/coredns-abc', 'c2/web-1']);
    expect(names({ kinds: ['Deployment'] })).toEqual(['c1/web']);
    expect(names({ namespaces: ['kube-system'] })).toEqual(['c2/coredns-abc']);
    expect(names({ text: 'WEB-', kinds: ['Pod'] })).toEqual(['c1/web-1', 'c2/web-1', 'c1/web-2']);
    expect(names({ text: '%' })).toEqual([]);
    expect(names({ nodeName: 'c1-node' })).toEqual(['c1/db-0', 'c1/web-1', 'c1/web-2']);
    expect(names({ statuses: ['Ready'] })).toEqual(['c1/web']);
    expect(names({ clusters: [] })).toEqual([]);
    expect(store.count({ source: 'live' })).toBe(6);
    expect(store.count({ source: 'snapshot:x' })).toBe(0);
  });

  const selectors: Array<[string, string[]]> = [
    ['app=web', ['c1/web', 'c1/web-1', 'c2/web-1', 'c1/web-2']],
    ['app=web,canary', ['c1/web-2']],
    ['app in (db, web),!canary,tier', ['c1/db-0', 'c1/web-1']],
    ['tier!=front', ['c2/coredns-abc', 'c1/db-0', 'c1/web', 'c2/web-1']],
    ['tier notin (front,back)', ['c2/coredns-abc', 'c1/web', 'c2/web-1']],
    ['!app', ['c2/coredns-abc']],
    ['k8s-app==kube-dns', ['c2/coredns-abc']],
  ];
  it.each(selectors)('label selector %j', (selector, expected) => {
    expect(names({ labelSelector: selector })).toEqual(expected);
    expect(store.page({ labelSelector: selector }).total).toBe(expected.length);
  });

  it('refuses a bad selector with its column', () => {
    expect(() => store.page({ labelSelector: 'app in' })).toThrow(
      /labelSelector: "\(" after "in" expected at column 7/,
    );
  });

  it('pages by offset and by cursor in the same order, with a total', () => {
    const all = store.page({ sort: 'name', limit: 100 }).items.map((i) => i.uid);
    const byOffset = [0, 2, 4].flatMap((offset) =>
      store.page({ sort: 'name', offset, limit: 2 }).items.map((i) => i.uid),
    );
    expect(byOffset).toEqual(all);
    const byCursor: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = store.page({ sort: 'name', limit: 4, after });
      expect(page.total).toBe(6);
      byCursor.push(...page.items.map((x) => x.uid));
      after = page.next;
      if (!after) break;
    }
    expect(byCursor).toEqual(all);
    const desc = store.page({ sort: 'cluster', dir: 'desc', limit: 2 });
    expect(desc.items.map((i) => i.cluster)).toEqual(['c2', 'c2']);
    const next = store.page({ sort: 'cluster', dir: 'desc', limit: 10, after: desc.next });
    expect(next.items.map((i) => i.cluster)).toEqual(['c1', 'c1', 'c1', 'c1']);
    expect(() => store.page({ after: 'junk' })).toThrow(/after: not a cursor/);
  });

  it('returns bodies only when asked', () => {
    expect(store.page({ kinds: ['Deployment'] }).items[0].object).toBeUndefined();
    expect(store.page({ kinds: ['Deployment'], withObject: true }).items[0].object?.spec).toEqual({
      replicas: 2,
    });
  });

  it('searches names, namespaces, kinds and labels, exact names first', () => {
    expect(
      store
        .search({ text: 'web' })
        .items.map((i) => `${i.kind}/${i.name}`)
        .slice(0, 1),
    ).toEqual(['Deployment/web']);
    expect(store.search({ text: 'web' }).total).toBe(4);
    expect(store.search({ text: 'kube-dns' }).items.map((i) => i.name)).toEqual(['coredns-abc']);
    expect(store.search({ text: 'tier=back' }).items.map((i) => i.name)).toEqual(['db-0']);
    expect(store.search({ text: 'system core' }).items.map((i) => i.name)).toEqual(['coredns-abc']);
    expect(store.search({ text: 'deployment shop' }).items.map((i) => i.name)).toEqual(['web']);
    expect(store.search({ text: 'db' }).items.map((i) => i.name)).toEqual(['db-0']);
    expect(store.search({ text: 'web c2' }).items).toEqual([]);
    expect(store.search({ text: 'web', clusters: ['c2'] }).items.map((i) => i.cluster)).toEqual(['c2']);
    expect(store.search({ text: '  ' }).items).toEqual([]);
  });

  it('leaves Events out of search (they are reached through their object)', () => {
    store.upsert([
      {
        source: 'live',
        cluster: 'c1',
        group: '',
        version: 'v1',
        kind: 'Event',
        object: {
          metadata: { name: 'web-1.17a9', namespace: 'shop' },
          involvedObject: { kind: 'Pod', name: 'web-1' },
          type: 'Warning',
        },
      },
    ]);
    expect(store.search({ text: 'web-1' }).items.map((i) => i.kind)).toEqual(['Pod', 'Pod']);
    expect(store.search({ text: 'we' }).items.every((i) => i.kind !== 'Event')).toBe(true);
    expect(names({ kinds: ['Event'], owner: { kind: 'Pod', name: 'web-1' } })).toEqual(['c1/web-1.17a9']);
  });

  it('updates labels, the search index and the body on change, and skips unchanged versions', () => {
    const changed = pod('c1', 'shop', 'db-0', { app: 'cache' });
    changed.object.metadata!.resourceVersion = '2';
    store.upsert([changed]);
    expect(names({ labelSelector: 'app=db' })).toEqual([]);
    expect(names({ labelSelector: 'app=cache' })).toEqual(['c1/db-0']);
    expect(store.search({ text: 'cache' }).items.map((i) => i.name)).toEqual(['db-0']);
    expect(store.search({ text: 'tier=back' }).items).toEqual([]);
    const same = pod('c1', 'shop', 'db-0', { app: 'ignored' });
    same.object.metadata!.resourceVersion = '2';
    store.upsert([same]);
    expect(names({ labelSelector: 'app=cache' })).toEqual(['c1/db-0']);
  });

  it('writes a new resourceVersion and body when nothing else changed, and every column when it did', () => {
    const ref = {
      source: 'live',
      cluster: 'c1',
      group: '',
      version: 'v1',
      kind: 'Pod',
      namespace: 'shop',
      name: 'web-1',
    };
    const annotated = pod('c1', 'shop', 'web-1', { app: 'web', tier: 'front' });
    annotated.object.metadata!.resourceVersion = '7';
    annotated.object.metadata!.annotations = { note: 'only this changed' };
    store.upsert([annotated]);
    expect(store.get(ref)?.resourceVersion).toBe('7');
    expect(store.get(ref)?.object.metadata?.annotations).toEqual({ note: 'only this changed' });
    const summary = () => store.page({ clusters: ['c1'], kinds: ['Pod'], text: 'web-1' }).items[0];
    expect(summary()).toMatchObject({ resourceVersion: '7', status: 'Running', nodeName: 'c1-node' });

    const moved = pod('c1', 'shop', 'web-1', { app: 'web', tier: 'front' }, { status: { phase: 'Failed' } });
    moved.object.metadata!.resourceVersion = '8';
    moved.object.spec = { nodeName: 'other-node', containers: [{ name: 'c' }] };
    store.upsert([moved]);
    expect(summary()).toMatchObject({ resourceVersion: '8', status: 'Failed', nodeName: 'other-node' });
    expect(names({ nodeName: 'other-node' })).toEqual(['c1/web-1']);
    expect(names({ statuses: ['Failed'] })).toEqual(['c1/web-1']);

    // one column changed: only it is written, the others (and their indexes) stay right
    const done = pod(
      'c1',
      'shop',
      'web-1',
      { app: 'web', tier: 'front' },
      { status: { phase: 'Succeeded' } },
    );
    done.object.metadata!.resourceVersion = '9';
    done.object.spec = moved.object.spec;
    store.upsert([done]);
    expect(summary()).toMatchObject({ resourceVersion: '9', status: 'Succeeded', nodeName: 'other-node' });
    expect(names({ statuses: ['Failed'] })).toEqual([]);
    expect(names({ nodeName: 'other-node', statuses: ['Succeeded'] })).toEqual(['c1/web-1']);
    expect(store.get(ref)?.object.status).toEqual({ phase: 'Succeeded' });
  });

  it('removes objects and sweeps what a relist did not see', () => {
    store.remove([
      { source: 'live', cluster: 'c1', group: '', kind: 'Pod', namespace: 'shop', name: 'web-1' },
    ]);
    expect(names({ kinds: ['Pod'], clusters: ['c1'] })).toEqual(['c1/db-0', 'c1/web-2']);
    store.upsert([pod('c1', 'shop', 'web-2', { app: 'web', tier: 'front', canary: 'yes' })], 7);
    expect(store.sweep({ source: 'live', cluster: 'c1', group: '', kind: 'Pod' }, 7)).toBe(1);
    expect(names({ kinds: ['Pod'], clusters: ['c1'] })).toEqual(['c1/web-2']);
    expect(names({ kinds: ['Deployment'] })).toEqual(['c1/web']);
    expect(store.search({ text: 'db-0' }).items).toEqual([]);
    // the swept and removed pods left the label index too
    expect(
      db
        .prepare('SELECT count(*) AS n FROM object_label_index WHERE object_label_index MATCH ?')
        .get('"k:tier"'),
    ).toEqual({ n: 1 });
    expect(store.clear('live', 'c2')).toBe(2);
    expect(store.count({})).toBe(2);
  });

  it('iterates in pages while writes happen between pages', () => {
    const many = Array.from({ length: 1200 }, (_, i) => pod('c3', 'bulk', `p-${i}`, { n: String(i % 3) }));
    store.upsert(many);
    let seen = 0;
    for (const _obj of store.iterate({ clusters: ['c3'] })) {
      seen++;
      if (seen === 10) store.upsert([pod('c4', 'x', 'late', {})]);
    }
    expect(seen).toBe(1200);
    expect(store.countBy({ clusters: ['c3'] }, 'kind')).toEqual({ Pod: 1200 });
    expect(store.countBy({ source: 'live' }, 'cluster')).toMatchObject({ c1: 4, c2: 2, c3: 1200, c4: 1 });
  });
});

describe('label selectors in SQL agree with the in-memory matcher', () => {
  it('on objects with mixed-case, empty and prefixed labels', () => {
    const db = new Database(':memory:');
    applyObjectSchema(db);
    const store = createObjectStore(db);
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const keys = ['app', 'Env', 'example.com/tier', 'x'];
    const values = ['web', 'Web', 'staging', '', 'a.b-c_d'];
    const all: Array<{ name: string; labels: Record<string, string> }> = [];
    for (let i = 0; i < 300; i++) {
      const labels: Record<string, string> = {};
      for (const k of keys) if (rand() < 0.6) labels[k] = values[Math.floor(rand() * values.length)];
      all.push({ name: `o-${i}`, labels });
    }
    store.upsert(all.map((o) => pod('c', 'ns', o.name, o.labels)));
    const selectors = [
      'app=web',
      'app=Web',
      'app!=web',
      'Env in (staging, Web)',
      'Env notin (staging,)',
      'example.com/tier',
      '!example.com/tier,app',
      'x=',
      'x!=,app in (web,Web),!Env',
      'app=web,app=Web',
    ];
    for (const selector of selectors) {
      const reqs = parseSelector(selector);
      const expected = all
        .filter((o) => matchesSelector(o.labels, reqs))
        .map((o) => o.name)
        .sort();
      const got = [...store.iterate({ labelSelector: selector })].map((o) => o.name).sort();
      expect(got, selector).toEqual(expected);
      expect(store.count({ labelSelector: selector }), selector).toBe(expected.length);
    }
    db.close();
  });
});

describe('secrets never reach the database', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-secret-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stores a Secret and a ConfigMap as metadata only: no value in any database file', () => {
    const file = path.join(dir, 'flotilla.db');
    const db = openDatabase(file);
    const store = createObjectStore(db);
    const secretValue = 'hunter2-TOP-SECRET-value';
    const b64 = Buffer.from(secretValue).toString('base64');
    store.upsert([
      {
        source: 'live',
        cluster: 'c1',
        group: '',
        version: 'v1',
        kind: 'Secret',
        object: {
          metadata: {
            name: 'db-password',
            namespace: 'shop',
            annotations: {
              'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
                stringData: { pw: secretValue },
              }),
            },
          },
          type: 'Opaque',
          data: { pw: b64 },
          stringData: { pw: secretValue },
        },
      },
      {
        source: 'live',
        cluster: 'c1',
        group: '',
        version: 'v1',
        kind: 'ConfigMap',
        object: {
          metadata: { name: 'cfg', namespace: 'shop' },
          data: { 'app.conf': `password=${secretValue}` },
        },
      },
    ]);
    const got = store.get({
      source: 'live',
      cluster: 'c1',
      group: '',
      version: 'v1',
      kind: 'Secret',
      namespace: 'shop',
      name: 'db-password',
    });
    expect(got?.object).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name: 'db-password', namespace: 'shop', annotations: {} },
    });
    db.close();
    const bytes = fs
      .readdirSync(dir)
      .map((f) => fs.readFileSync(path.join(dir, f)))
      .reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0));
    expect(bytes.includes('db-password')).toBe(true); // the file really holds the rows
    expect(bytes.includes(secretValue)).toBe(false);
    expect(bytes.includes(b64)).toBe(false);
  });
});
