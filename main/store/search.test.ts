import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../shared/objects/page';
import type { Db } from './db';
import { searchSql } from './object-query';
import { applyObjectSchema } from './objects-schema';
import { createObjectStore, type ObjectStore } from './objects';
import type { ObjectWrite } from './object-row';
import { kindNamed, kindNames, kindsReader, pluralOf } from './search-kinds';
import { planSearch } from './search-plan';

const obj = (
  cluster: string,
  kind: string,
  namespace: string,
  name: string,
  labels: Record<string, string> = {},
  group = kind === 'Pod' || kind === 'Service' || kind === 'Namespace' || kind === 'Event' ? '' : 'apps',
  source = 'live',
): ObjectWrite => ({
  source,
  cluster,
  group,
  version: 'v1',
  kind,
  object: {
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      labels,
      uid: `${cluster}/${kind}/${namespace}/${name}`,
    },
  },
});

const FLEET: ObjectWrite[] = [
  obj('c1', 'Namespace', '', 'shop'),
  obj('c1', 'Deployment', 'shop', 'cart', { app: 'cart' }),
  obj('c1', 'Deployment', 'shop', 'cartservice', { app: 'cartservice' }),
  obj('c1', 'Pod', 'shop', 'cart-7d9f-abc', { app: 'cart' }),
  obj('c1', 'Pod', 'shop', 'cartservice-5f-xyz', { app: 'cartservice' }),
  obj('c1', 'Service', 'shop', 'cart', { app: 'cart' }),
  obj('c1', 'StatefulSet', 'shop', 'cart-redis', { app: 'cart-redis' }),
  obj('c1', 'Pod', 'shop', 'cart-redis-0', {
    app: 'cart-redis',
    'statefulset.kubernetes.io/pod-name': 'cart-redis-0',
  }),
  obj('c1', 'ConfigMap', 'shop', 'cart-config', {}, ''),
  obj('c1', 'Node', '', 'node-a', { 'kubernetes.io/os': 'linux' }, ''),
  obj('c1', 'Event', 'shop', 'cart-7d9f-abc.17a9'),
  obj('c1', 'Rollout', 'shop', 'cart-canary', { app: 'cart' }, 'argoproj.io'),
  obj('c2', 'Namespace', '', 'web'),
  obj('c2', 'Deployment', 'web', 'nginx', { app: 'nginx', Tier: 'Front' }),
  obj('c2', 'Pod', 'web', 'nginx-1', { app: 'nginx', Tier: 'Front' }),
  obj('c2', 'Pod', 'web', 'web-nginx-proxy', { app: 'proxy' }),
  obj('c2', 'Deployment', 'shop', 'cart', { app: 'cart' }),
];

/** Runs searchSql's steps as the store's search() does, with the kinds in the cache. */
function run(db: Db, q: SearchQuery, kinds?: readonly string[], limit = 50) {
  const sql = searchSql(q, 'o.id, o.cluster, o.kind, o.name', kinds);
  if (!sql) return { items: [] as string[], total: 0 };
  type R = { id: number; cluster: string; kind: string; name: string };
  const rows = db.prepare(sql.prefix.sql).all(...sql.prefix.params, limit) as R[];
  if (rows.length < limit && sql.rest) {
    const rest = sql.rest(
      rows.map((r) => r.id),
      limit - rows.length,
    );
    rows.push(...(db.prepare(rest.sql).all(...rest.params) as R[]));
  }
  const total = (db.prepare(sql.count.sql).get(...sql.count.params) as { n: number }).n;
  return { items: rows.map((r) => `${r.kind}/${r.name}`), total };
}

describe('fleet-wide search', () => {
  let db: Db;
  let store: ObjectStore;
  const found = (text: string, q: Partial<SearchQuery> = {}) =>
    store.search({ text, ...q }).items.map((i) => `${i.kind}/${i.name}`);
  const sorted = (xs: string[]) => [...xs].sort();

  beforeEach(() => {
    db = new Database(':memory:');
    applyObjectSchema(db);
    store = createObjectStore(db);
    store.upsert(FLEET);
  });

  it('reads a kind by name, plural or kubectl short name, in any case, as a filter', () => {
    const pods = [
      'Pod/cart-7d9f-abc',
      'Pod/cart-redis-0',
      'Pod/cartservice-5f-xyz',
      'Pod/nginx-1',
      'Pod/web-nginx-proxy',
    ];
    for (const text of ['pods', 'po', 'pod', 'Pods', 'POD']) expect(found(text), text).toEqual(pods);
    // listed in name order, whatever they are called
    expect(found('deploy')).toEqual([
      'Deployment/cart',
      'Deployment/cart',
      'Deployment/cartservice',
      'Deployment/nginx',
    ]);
    expect(found('deployments')).toEqual(found('deploy'));
    expect(found('svc')).toEqual(['Service/cart']);
    expect(found('sts')).toEqual(['StatefulSet/cart-redis']);
    expect(found('cm')).toEqual(['ConfigMap/cart-config']);
    expect(found('ns')).toEqual(['Namespace/shop', 'Namespace/web']);
    expect(found('no')).toEqual(['Node/node-a']);
    expect(found('ds')).toEqual([]);
    expect(store.search({ text: 'deploy' }).total).toBe(4);
  });

  it('matches the other words as text within the kinds named', () => {
    expect(found('pods nginx')).toEqual(['Pod/nginx-1', 'Pod/web-nginx-proxy']);
    expect(found('nginx pods')).toEqual(found('pods nginx'));
    expect(found('deploy cart')).toEqual(['Deployment/cart', 'Deployment/cart', 'Deployment/cartservice']);
    // several kinds are a union
    expect(sorted(found('deploy sts redis'))).toEqual(['StatefulSet/cart-redis']);
    expect(sorted(found('sts po redis'))).toEqual(['Pod/cart-redis-0', 'StatefulSet/cart-redis']);
    // short words filter through the name step
    expect(found('po ng')).toEqual(['Pod/nginx-1']);
    // a word that is not a kind is text, as before
    expect(sorted(found('nginx'))).toEqual(['Deployment/nginx', 'Pod/nginx-1', 'Pod/web-nginx-proxy']);
    // the palette's kind filter and the text's kinds must both hold
    expect(found('deploy', { kinds: ['Pod'] })).toEqual([]);
    expect(found('deploy cart', { kinds: ['Deployment', 'Pod'] })).toEqual(found('deploy cart'));
  });

  it('reads key=value as an exact label requirement, not a substring', () => {
    const cart = [
      'Deployment/cart',
      'Deployment/cart',
      'Pod/cart-7d9f-abc',
      'Rollout/cart-canary',
      'Service/cart',
    ];
    expect(sorted(found('app=cart'))).toEqual(cart);
    expect(sorted(found('app==cart'))).toEqual(cart);
    expect(store.search({ text: 'app=cart' }).total).toBe(5);
    // the text search still finds cartservice and cart-redis: the label term does not
    expect(found('cart').some((n) => n.includes('cartservice'))).toBe(true);
    // label values are case-sensitive, keys too
    expect(sorted(found('Tier=Front'))).toEqual(['Deployment/nginx', 'Pod/nginx-1']);
    expect(found('tier=front')).toEqual([]);
    expect(found('app=Cart')).toEqual([]);
    // with a kind and words
    expect(found('pods app=cart')).toEqual(['Pod/cart-7d9f-abc']);
    expect(found('app=cart 7d9f')).toEqual(['Pod/cart-7d9f-abc']);
    expect(found('app=cart c2 deploy')).toEqual([]);
    expect(found('statefulset.kubernetes.io/pod-name=cart-redis-0')).toEqual(['Pod/cart-redis-0']);
  });

  it('reads key!=value, !key and key= (has the key)', () => {
    const all = found('app=').concat(found('!app'));
    expect(sorted(found('!app'))).toEqual([
      'ConfigMap/cart-config',
      'Namespace/shop',
      'Namespace/web',
      'Node/node-a',
    ]);
    expect(all).toHaveLength(FLEET.filter((w) => w.kind !== 'Event').length);
    expect(found('pods app!=cart')).toEqual([
      'Pod/cart-redis-0',
      'Pod/cartservice-5f-xyz',
      'Pod/nginx-1',
      'Pod/web-nginx-proxy',
    ]);
    expect(found('app!=cart').some((n) => n.startsWith('Namespace/'))).toBe(true);
    expect(found('app!=cart nginx')).toEqual(['Deployment/nginx', 'Pod/nginx-1', 'Pod/web-nginx-proxy']);
    // still typing the value: no label filter yet, nothing else asked for
    expect(store.search({ text: 'app!=' }).total).toBe(0);
  });

  it('reads ns:, namespace:, cluster: and kind: filters', () => {
    expect(found('ns:web')).toEqual(['Deployment/nginx', 'Pod/nginx-1', 'Pod/web-nginx-proxy']);
    expect(found('namespace:WEB proxy')).toEqual(['Pod/web-nginx-proxy']);
    expect(sorted(found('ns:web ns:shop deploy'))).toEqual(sorted(found('deploy')));
    expect(found('cluster:c2 deploy')).toEqual(['Deployment/cart', 'Deployment/nginx']);
    expect(found('cluster:c2 cart')).toEqual(['Deployment/cart']);
    expect(found('cluster:c2', { clusters: ['c1'] })).toEqual([]);
    expect(found('kind:deploy ns:web')).toEqual(['Deployment/nginx']);
    expect(found('kind:Deployment ns:web')).toEqual(['Deployment/nginx']);
    // an unknown kind is taken as written
    expect(found('kind:Rollout')).toEqual(['Rollout/cart-canary']);
    expect(found('kind:Thing')).toEqual([]);
    // a prefix without its value yet filters nothing
    expect(store.search({ text: 'ns:' })).toMatchObject({ items: [], total: 0 });
    expect(found('ns: nginx-1')).toEqual(['Pod/nginx-1']);
  });

  it('finds Events only when their kind is asked for', () => {
    expect(found('cart-7d9f').every((n) => !n.startsWith('Event/'))).toBe(true);
    expect(found('events')).toEqual(['Event/cart-7d9f-abc.17a9']);
    expect(found('ev cart-7d9f')).toEqual(['Event/cart-7d9f-abc.17a9']);
    expect(found('ns:shop').every((n) => !n.startsWith('Event/'))).toBe(true);
  });

  it('reads the kinds in the cache too (custom resources), given kindsReader', () => {
    store.upsert([obj('c1', 'Rollout', 'web', 'proxy-canary', {}, 'argoproj.io', 'snapshot:s1')]);
    expect(kindsReader(db)()).toEqual([
      'ConfigMap',
      'Deployment',
      'Event',
      'Namespace',
      'Node',
      'Pod',
      'Rollout',
      'Service',
      'StatefulSet',
    ]);
    const kinds = kindsReader(db)();
    expect(run(db, { text: 'rollouts' }, kinds).items).toEqual([
      'Rollout/cart-canary',
      'Rollout/proxy-canary',
    ]);
    expect(run(db, { text: 'Rollout proxy', source: 'snapshot:s1' }, kinds).items).toEqual([
      'Rollout/proxy-canary',
    ]);
    expect(run(db, { text: 'rollouts ns:web' }, kinds).items).toEqual(['Rollout/proxy-canary']);
    // without the cache's kinds, the word is text ("rollouts" is in no row)
    expect(run(db, { text: 'rollouts' }).items).toEqual([]);
    // the store's own search() reads the cache's kinds itself
    expect(store.search({ text: 'rollouts ns:web' }).items.map((i) => `${i.kind}/${i.name}`)).toEqual([
      'Rollout/proxy-canary',
    ]);
    expect(run(db, { text: 'pods nginx' }, kinds)).toEqual({ items: found('pods nginx'), total: 2 });
  });

  it('goes through an index for every form (no scan of the whole object table)', () => {
    const pods = Array.from({ length: 400 }, (_, i) =>
      obj(`c${i % 4}`, 'Pod', `ns-${i % 7}`, `pod-${i}`, { app: `app-${i % 9}`, tier: i % 2 ? 'a' : 'b' }),
    );
    store.upsert(pods);
    const texts = [
      'deploy',
      'pods',
      'pods pod-1',
      'app=app-3',
      'tier=a pod-1',
      '!tier',
      'app!=app-3 pods',
      'ns:ns-3',
      'ns:ns-3 pod-2',
      'cluster:c1 pods',
      'kind:Pod ns:ns-1 app=app-1',
      'po po',
      'pod-12 ns',
      'pod',
      'pod-1',
      'pod-1 c1',
      'cluster:c1 pod-1',
      'cluster:c1',
    ];
    for (const [source, kinds] of [
      ['live', kindsReader(db)()],
      ['live', undefined],
      [undefined, undefined],
    ] as const) {
      for (const text of texts) {
        const sql = searchSql({ text, source }, 'o.id, o.name', kinds);
        expect(sql, text).toBeDefined();
        const steps = [
          [sql!.prefix.sql, [...sql!.prefix.params, 50]],
          [sql!.count.sql, sql!.count.params],
          ...(sql!.rest ? [[sql!.rest([1, 2], 48).sql, sql!.rest([1, 2], 48).params]] : []),
        ] as Array<[string, unknown[]]>;
        for (const [statement, params] of steps) {
          const plan = db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(...params) as Array<{
            detail: string;
          }>;
          const scans = plan
            .map((p) => p.detail)
            .filter(
              (d) =>
                (/^SCAN (o|objects)\b/.test(d) && (source !== undefined || !/USING/.test(d))) ||
                /^SEARCH o USING .*\(source=\?\)$/.test(d),
            );
          expect(scans, `${text} (${source ?? 'every source'}): ${statement}`).toEqual([]);
        }
      }
    }
  });
});

describe('kind names', () => {
  it.each([
    ['Pod', 'pods'],
    ['Ingress', 'ingresses'],
    ['NetworkPolicy', 'networkpolicies'],
    ['Endpoints', 'endpoints'],
    ['Gateway', 'gateways'],
    ['Mesh', 'meshes'],
  ])('%s is %s', (kind, plural) => {
    expect(pluralOf(kind)).toBe(plural);
  });

  it('resolves built-in names, and the cache kinds when given', () => {
    expect(kindNamed('DEPLOY')).toBe('Deployment');
    expect(kindNamed('hpa')).toBe('HorizontalPodAutoscaler');
    expect(kindNamed('ingresses')).toBe('Ingress');
    expect(kindNamed('virtualservices')).toBeUndefined();
    const names = kindNames(['VirtualService', 'ServiceMonitor']);
    expect(kindNamed('virtualservices', names)).toBe('VirtualService');
    expect(kindNamed('virtualservice', names)).toBe('VirtualService');
    expect(kindNamed('svc', names)).toBe('Service');
    expect(kindNamed('nginx', names)).toBeUndefined();
  });

  it('plans each term', () => {
    expect(planSearch('Pods nginx ns:Web cluster:c2 app=cart !legacy kind:hpa')).toEqual({
      words: ['nginx'],
      kinds: ['Pod', 'HorizontalPodAutoscaler'],
      namespaces: ['web'],
      clusters: ['c2'],
      requirements: [
        { key: 'app', op: 'eq', values: ['cart'] },
        { key: 'legacy', op: 'notexists', values: [] },
      ],
    });
    expect(planSearch('po pods POD')).toEqual({ words: [], kinds: ['Pod'], requirements: [] });
  });
});
