import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ObjectPageQuery, SearchQuery } from '../shared/objects/page';
import { openDatabase } from '../main/store/db';
import { createObjectStore } from '../main/store/objects';
import type { ObjectWrite } from '../main/store/object-row';
import { round, summary } from './stats';
import { syntheticFleet } from './synthetic';

/**
 * (d) fleet-wide search and filtered page queries over N objects in the object table (a file
 * database, as the app uses), p95 per query and overall, against a bare indexed SELECT.
 */

const SEARCHES: SearchQuery[] = [
  { text: 'checkout' },
  { text: 'payments-svc-12' },
  { text: 'tier=cache' },
  { text: 'ledger-3 pod' },
  { text: 'ca' },
  { text: 'svc-1' },
  { text: 'env=staging search' },
  { text: 'deployment media', clusters: ['cluster-03', 'cluster-04'] },
  { text: 'identity-svc-7', kinds: ['Pod'] },
  { text: 'zzzz-no-match' },
];

const PAGES: Array<[string, ObjectPageQuery]> = [
  ['pods of a namespace by name', { source: 'live', kinds: ['Pod'], namespaces: ['search-3'], limit: 100 }],
  ['all pods by name, first page', { source: 'live', kinds: ['Pod'], limit: 100 }],
  ['all pods by age, desc', { source: 'live', kinds: ['Pod'], sort: 'created', dir: 'desc', limit: 100 }],
  [
    'pods by restarts, deep offset',
    { source: 'live', kinds: ['Pod'], sort: 'restarts', dir: 'desc', offset: 40_000, limit: 100 },
  ],
  [
    'label selector',
    {
      source: 'live',
      kinds: ['Pod'],
      labelSelector: 'team=search,tier in (cache,worker),env!=staging',
      limit: 100,
    },
  ],
  [
    'label selector, 3 clusters, sorted by status',
    {
      source: 'live',
      clusters: ['cluster-01', 'cluster-02', 'cluster-03'],
      labelSelector: 'app.kubernetes.io/part-of=ledger',
      sort: 'status',
      limit: 100,
    },
  ],
  ['text filter on name', { source: 'live', kinds: ['Pod'], text: 'svc-2', limit: 100 }],
  ['pods on a node', { source: 'live', kinds: ['Pod'], nodeName: 'cluster-05-node-42', limit: 100 }],
  [
    'workloads of 5 kinds in 2 clusters',
    {
      source: 'live',
      kinds: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'],
      clusters: ['cluster-00', 'cluster-09'],
      limit: 100,
    },
  ],
  [
    'status filter with bodies',
    { source: 'live', kinds: ['Pod'], statuses: ['Pending'], withObject: true, limit: 100 },
  ],
];

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function benchQueries(opts: {
  objects: number;
  runs: number;
}): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-bench-d-'));
  const db = openDatabase(path.join(dir, 'flotilla.db'));
  try {
    const store = createObjectStore(db);
    const loadStarted = performance.now();
    let batch: ObjectWrite[] = [];
    for (const w of syntheticFleet(opts.objects)) {
      batch.push(w);
      if (batch.length === 1000) {
        store.upsert(batch, 1);
        batch = [];
      }
    }
    if (batch.length) store.upsert(batch, 1);
    store.optimize();
    const loadMs = performance.now() - loadStarted;

    // the reference: a bare indexed SELECT of one page
    const bare = db.prepare(
      "SELECT id, name, namespace, status FROM objects WHERE source = 'live' AND kind = 'Pod' AND namespace = ? ORDER BY name LIMIT 100",
    );
    const namespaces = ['search-3', 'checkout-1', 'media-7', 'ledger-0'];
    const reference: number[] = [];
    for (let i = 0; i < opts.runs * 4; i++)
      reference.push(time(() => bare.all(namespaces[i % namespaces.length])));

    const searchAll: number[] = [];
    const perSearch: Record<string, ReturnType<typeof summary> & { hits: number }> = {};
    for (const q of SEARCHES) {
      const samples: number[] = [];
      let hits = 0;
      for (let i = 0; i < opts.runs; i++) samples.push(time(() => (hits = store.search(q).total)));
      searchAll.push(...samples);
      perSearch[
        `${q.text}${q.clusters ? ` @${q.clusters.join(',')}` : ''}${q.kinds ? ` [${q.kinds.join(',')}]` : ''}`
      ] = { ...summary(samples), hits };
    }

    const pageAll: number[] = [];
    const perPage: Record<string, ReturnType<typeof summary> & { total: number }> = {};
    for (const [label, q] of PAGES) {
      const samples: number[] = [];
      let total = 0;
      for (let i = 0; i < opts.runs; i++) samples.push(time(() => (total = store.page(q).total)));
      pageAll.push(...samples);
      perPage[label] = { ...summary(samples), total };
    }
    // keyset paging through 20 pages of pods by name
    const keyset: number[] = [];
    let after: string | undefined;
    for (let i = 0; i < 20; i++) {
      keyset.push(
        time(() => (after = store.page({ source: 'live', kinds: ['Pod'], limit: 100, after }).next)),
      );
    }
    pageAll.push(...keyset);
    perPage['keyset, 20 consecutive pages'] = { ...summary(keyset), total: 0 };

    const ref = summary(reference);
    const search = summary(searchAll);
    const pages = summary(pageAll);
    return {
      objects: store.count({}),
      loadMs: round(loadMs, 0),
      dbFileMb: round(fs.statSync(path.join(dir, 'flotilla.db')).size / 1024 / 1024, 1),
      bareIndexedSelect: ref,
      search,
      pages,
      ratioSearchP95: round(search.p95 / ref.p95, 1),
      ratioPagesP95: round(pages.p95 / ref.p95, 1),
      target: 'search.p95 <= 50 ms, pages.p95 <= 50 ms',
      perSearch,
      perPage,
    };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
