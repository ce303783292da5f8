import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { applyObjectSchema } from './objects-schema';
import { createObjectStore, type ObjectStore } from './objects';
import { scopeMatch } from './object-query';
import type { ObjectWrite } from './object-row';

/** The `scopes` filter of object queries: (cluster, namespace) pairs, as a workspace spans clusters. */

const pod = (cluster: string, namespace: string, name: string, source = 'live'): ObjectWrite => ({
  source,
  cluster,
  group: '',
  version: 'v1',
  kind: 'Pod',
  object: {
    metadata: { name, namespace, uid: `${source}-${cluster}-${namespace}-${name}`, labels: { app: name } },
    spec: { containers: [{ name: 'c' }] },
    status: { phase: 'Running' },
  },
});

describe('object queries scoped to (cluster, namespace) pairs', () => {
  let db: Db;
  let store: ObjectStore;
  beforeEach(() => {
    db = new Database(':memory:');
    applyObjectSchema(db);
    store = createObjectStore(db);
    store.upsert([
      pod('c1', 'shop', 'web'),
      pod('c1', 'shop', 'db'),
      pod('c1', 'billing', 'pay'),
      pod('c2', 'shop', 'web'),
      pod('c2', 'billing', 'pay'),
      pod('c3', "o'brien", 'quote'),
      pod('c1', 'shop', 'web', 'snapshot:s1'),
    ]);
  });

  const names = (scopes: Array<{ cluster: string; namespace: string }>, extra = {}) =>
    store
      .page({ source: 'live', kinds: ['Pod'], scopes, ...extra })
      .items.map((i) => `${i.cluster}/${i.namespace}/${i.name}`);

  it('keeps exactly the pairs asked for, not their cross product', () => {
    expect(
      names([
        { cluster: 'c1', namespace: 'shop' },
        { cluster: 'c2', namespace: 'billing' },
      ]),
    ).toEqual(['c1/shop/db', 'c2/billing/pay', 'c1/shop/web']);
  });

  it('matches nothing for no pairs, and quotes values safely', () => {
    expect(names([])).toEqual([]);
    expect(names([{ cluster: 'c3', namespace: "o'brien" }])).toEqual(["c3/o'brien/quote"]);
    expect(names([{ cluster: 'c9', namespace: 'shop' }])).toEqual([]);
  });

  it('combines with the other filters and the source', () => {
    const shop = [
      { cluster: 'c1', namespace: 'shop' },
      { cluster: 'c2', namespace: 'shop' },
    ];
    expect(names(shop, { labelSelector: 'app=web' })).toEqual(['c1/shop/web', 'c2/shop/web']);
    expect(names(shop, { clusters: ['c2'] })).toEqual(['c2/shop/web']);
    expect(names(shop, { text: 'd' })).toEqual(['c1/shop/db']);
    expect(store.page({ source: 'snapshot:s1', scopes: shop }).total).toBe(1);
  });

  it('counts and pages with the same filter', () => {
    const scopes = [
      { cluster: 'c1', namespace: 'shop' },
      { cluster: 'c1', namespace: 'billing' },
    ];
    expect(store.countBy({ source: 'live', scopes }, 'namespace')).toEqual({ billing: 1, shop: 2 });
    const page = store.page({ source: 'live', scopes, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(
      store.page({ source: 'live', scopes, limit: 2, after: page.next }).items.map((i) => i.name),
    ).toEqual(['web']);
  });

  it('takes thousands of pairs in one JSON parameter, and seeks them through an index', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ cluster: `c${i}`, namespace: 'shop' }));
    expect(scopeMatch(many).params).toEqual(['shop', expect.stringMatching(/^\[\["c0","shop"\]/)]);
    expect(names(many)).toEqual(['c1/shop/db', 'c1/shop/web', 'c2/shop/web']);
    const spread = Array.from({ length: 5000 }, (_, i) => ({ cluster: 'c1', namespace: `ns-${i}` }));
    expect(scopeMatch(spread).params).toHaveLength(2);
    expect(names([...spread, { cluster: 'c2', namespace: 'billing' }])).toEqual(['c2/billing/pay']);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT o.id FROM objects o WHERE o.source = 'live' AND o.kind = 'Pod' AND ${scopeMatch([{ cluster: 'c1', namespace: 'shop' }]).sql}`,
      )
      .all('shop', '[["c1","shop"]]') as Array<{ detail: string }>;
    // an index seek (by namespace, or by cluster through the pairs), never a scan of the kind
    const detail = plan.map((r) => r.detail).join('\n');
    expect(detail).toMatch(
      /^SEARCH o USING (COVERING )?INDEX \w+ \(source=\? AND (cluster=\? AND kind=\?|kind=\? AND namespace=\?)/,
    );
    expect(detail).not.toMatch(/SCAN o\b/);
  });
});
