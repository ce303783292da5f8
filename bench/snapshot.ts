import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAppCore } from '../main/app/compose';
import { createLogger } from '../main/services/log';
import { captureSnapshot } from '../main/services/snapshots/capture';
import { SNAPSHOT_TABLES_SQL } from '../main/services/snapshots/format';
import { openDatabase } from '../main/store/db';
import { labelTokens } from '../main/store/object-query';
import type { ObjectWrite } from '../main/store/object-row';
import { createObjectStore, UNSEARCHED_KINDS } from '../main/store/objects';
import { applyObjectSchema } from '../main/store/objects-schema';
import { round } from './stats';
import { syntheticFleet } from './synthetic';

/**
 * (n) snapshots at N objects:
 *   capture: the object cache (a file database, as the app has it) into a .flotilla file, against
 *   the bare work any capture does — the same rows, already in memory, inserted with prepared
 *   statements into a fresh file with the same schema in one transaction. Target ≤ 2×.
 *   open: from 'snapshots.open' to the first fleet view ('clusters.list' + the first
 *   'objects.query' page of pods) through the app's router. Target ≤ 500 ms.
 */

const COLUMNS =
  'o.cluster, o.api_group, o.version, o.kind, o.namespace, o.name, o.uid, o.resource_version, o.labels, o.created, ' +
  'o.status, o.node_name, o.owner_kind, o.owner_name, o.ready, o.desired, o.restarts, o.search, b.json AS body';

type Row = Record<string, string | number | null> & {
  labels: string;
  kind: string;
  search: string;
  body: string;
};

/** The reference: rows in memory, inserted into a fresh object schema in one transaction. */
function bareInsert(file: string, rows: readonly Row[]): number {
  const started = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  applyObjectSchema(db);
  db.exec(SNAPSHOT_TABLES_SQL);
  const insert = db.prepare(
    `INSERT INTO objects (id, source, cluster, api_group, version, kind, namespace, name, uid, resource_version, labels,
       created, status, node_name, owner_kind, owner_name, ready, desired, restarts, search)
     VALUES (?, 'snapshot', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const body = db.prepare('INSERT INTO object_bodies (id, json) VALUES (?, ?)');
  const labelIndex = db.prepare('INSERT INTO object_label_index (rowid, labels) VALUES (?, ?)');
  const search = db.prepare('INSERT INTO objects_search (rowid, search) VALUES (?, ?)');
  db.transaction(() => {
    let id = 0;
    for (const r of rows) {
      id++;
      insert.run(
        id,
        r.cluster,
        r.api_group,
        r.version,
        r.kind,
        r.namespace,
        r.name,
        r.uid,
        r.resource_version,
        r.labels,
        r.created,
        r.status,
        r.node_name,
        r.owner_kind,
        r.owner_name,
        r.ready,
        r.desired,
        r.restarts,
        r.search,
      );
      body.run(id, r.body);
      labelIndex.run(id, labelTokens(JSON.parse(r.labels) as Record<string, string>));
      if (!UNSEARCHED_KINDS.has(r.kind)) search.run(id, r.search);
    }
  })();
  db.close();
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchSnapshot(opts: {
  objects: number;
  runs: number;
}): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-bench-n-'));
  const db = openDatabase(path.join(dir, 'cache.db'));
  try {
    const store = createObjectStore(db);
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
    const clusters = Object.keys(store.countBy({ source: 'live' }, 'cluster'))
      .sort()
      .map((id) => ({ id, name: id, group: 'bench', provider: 'kind', version: 'v1.30.0' }));
    const rows = db
      .prepare(
        `SELECT ${COLUMNS} FROM objects o JOIN object_bodies b ON b.id = o.id WHERE o.source = 'live' ORDER BY o.id`,
      )
      .all() as Row[];

    const capture: number[] = [];
    const reference: number[] = [];
    const file = path.join(dir, 'bench.flotilla');
    for (let i = 0; i < opts.runs; i++) {
      const bare = path.join(dir, `bare-${i}.flotilla`);
      reference.push(bareInsert(bare, rows));
      fs.rmSync(bare);
      fs.rmSync(file, { force: true });
      const started = performance.now();
      await captureSnapshot({
        db,
        clusters,
        scope: 'fleet',
        file,
        includes: { secretValues: false, events: true, metrics: false, logs: false },
        flotillaVersion: 'bench',
      });
      capture.push(performance.now() - started);
    }
    const bytes = fs.statSync(file).size;

    // open → first fleet view, through the app's router (a fresh data folder each time)
    const open: number[] = [];
    const firstView: Array<{ clusters: number; pods: number }> = [];
    for (let i = 0; i < opts.runs; i++) {
      const core = createAppCore({
        dataDir: path.join(dir, `app-${i}`),
        shell: 'web',
        log: createLogger({ quiet: true }),
      });
      try {
        const call = async (name: string, input: unknown) => {
          const r = await core.router.dispatch(name, input);
          if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
          return r.value as Record<string, unknown>;
        };
        const started = performance.now();
        const view = await call('snapshots.open', { path: file });
        const list = await call('clusters.list', { source: view.id });
        const pods = await call('objects.query', { source: view.id, kinds: ['Pod'], limit: 100 });
        open.push(performance.now() - started);
        firstView.push({ clusters: list.total as number, pods: pods.total as number });
      } finally {
        await core.close();
      }
    }
    const c = median(capture);
    const r = median(reference);
    return {
      objects: opts.objects,
      fileMb: round(bytes / 1e6),
      capture: { medianMs: round(c), samples: capture.map((x) => round(x)) },
      reference: {
        medianMs: round(r),
        samples: reference.map((x) => round(x)),
        what: 'bare prepared inserts of the same rows, one transaction',
      },
      ratio: round(c / r),
      targetRatio: 2,
      openToFirstView: {
        medianMs: round(median(open)),
        samples: open.map((x) => round(x)),
        targetMs: 500,
        firstView: firstView[0],
      },
    };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
