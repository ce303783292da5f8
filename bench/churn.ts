import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { profileWhile } from './profile';
import type { KubeConfig } from '@kubernetes/client-node';
import { createObjectsArea } from '../main/app/areas/objects';
import { createTransport, type Transport, type WatchEvent } from '../main/kube/informer/transport';
import { createLogger } from '../main/services/log';
import { openDatabase, type Db } from '../main/store/db';
import { attachSimProcess, startSimProcess, waitSettled, type SimProcess } from './sim-process';
import { round, summary } from './stats';

/**
 * (c) churn: kube-sim (its own process) changes `changesPerSecond` objects a second across the
 * fleet and stamps each edit with `churn.flotilla.dev/at` (its clock: this machine's). Measured
 * over a steady window once every cluster has synced:
 * - lag: from the stamp to the SQLite commit of the row carrying it (a temporary trigger sees
 *   the body being written; the commit is the end of that synchronous write), and from the
 *   event's arrival at the informer to that commit (Flotilla's own share);
 * - CPU of this process (Flotilla's informers, batch writer, notifier and SQLite) per second.
 * Reference, same run, same simulator: bare watch clients (parse only, no store) on the same
 * kinds for a window of the same length: their lag is what the simulator itself adds.
 */

export const CHURN_AT = 'churn.flotilla.dev/at';
/** The kinds the churn edits, by collection path (ConfigMaps as metadata only, like the cache). */
const CHURNED = [
  { path: '/api/v1/pods', kind: 'Pod', metadataOnly: false },
  { path: '/apis/apps/v1/deployments', kind: 'Deployment', metadataOnly: false },
  { path: '/api/v1/configmaps', kind: 'ConfigMap', metadataOnly: true },
];
const KIND_OF_PATH = new Map(CHURNED.map((c) => [c.path, c.kind]));

interface Window {
  start: number;
  end: number;
}

const stampOf = (object: WatchEvent['object']): number | undefined => {
  const at = object?.metadata?.annotations?.[CHURN_AT];
  return at ? Number(at) : undefined;
};

/** Lag of bare watch clients: the simulator's own delivery time under this churn. */
async function referenceWindow(sim: SimProcess, seconds: number) {
  const lags: number[] = [];
  const seen = new Set<string>();
  let events = 0;
  const aborts: AbortController[] = [];
  const transports: Transport[] = [];
  const window: Window = { start: Infinity, end: Infinity };
  for (const cluster of sim.clusters) {
    const t = createTransport(sim.kubeConfigFor(cluster));
    transports.push(t);
    for (const c of CHURNED) {
      const list = await t.list(c.path, { limit: '1' }, { metadataOnly: c.metadataOnly });
      const abort = new AbortController();
      aborts.push(abort);
      void t
        .watch(
          c.path,
          { resourceVersion: list.resourceVersion, allowWatchBookmarks: 'true' },
          (ev) => {
            const now = Date.now();
            if (now < window.start || now > window.end) return;
            events++;
            const at = stampOf(ev.object);
            if (at === undefined || at < window.start) return;
            const key = `${cluster}/${c.kind}/${ev.object.metadata?.namespace}/${ev.object.metadata?.name}@${at}`;
            if (seen.has(key)) return;
            seen.add(key);
            lags.push(now - at);
          },
          { metadataOnly: c.metadataOnly, signal: abort.signal, timeoutMs: 120_000 },
        )
        .catch(() => undefined);
    }
  }
  await new Promise((r) => setTimeout(r, 1000));
  const cpu = process.cpuUsage();
  window.start = Date.now();
  window.end = window.start + seconds * 1000;
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const used = process.cpuUsage(cpu);
  const wallMs = Date.now() - window.start;
  for (const a of aborts) a.abort();
  for (const t of transports) t.close();
  return {
    lagMs: summary(lags),
    eventsPerSecond: round(events / (wallMs / 1000)),
    cpuPercentOfOneCore: round(((used.user + used.system) / 1000 / wallMs) * 100, 1),
  };
}

/**
 * Calls `onCommit(cluster/kind/namespace/name@stamp, stamp)` for every stamped row written to
 * `db`, once its transaction has committed (a temporary trigger collects the rows; a microtask
 * runs after the synchronous write, and with it the commit, has returned).
 */
function watchCommits(db: Db, onCommit: (key: string, at: number, committedAt: number) => void): void {
  let pending: Array<{ key: string; at: number }> = [];
  db.function('bench_row_written', { varargs: true }, (...args: unknown[]) => {
    const [cluster, kind, namespace, name, at] = args as [string, string, string, string, string | null];
    if (!at) return 0;
    if (pending.length === 0) {
      queueMicrotask(() => {
        const now = Date.now();
        const done = pending;
        pending = [];
        for (const p of done) onCommit(p.key, p.at, now);
      });
    }
    pending.push({ key: `${cluster}/${kind}/${namespace}/${name}@${at}`, at: Number(at) });
    return 0;
  });
  // a body is inserted with its object and updated in place after that
  for (const event of ['INSERT', 'UPDATE OF json'])
    db.exec(`CREATE TEMP TRIGGER "bench_stamped_${event}" AFTER ${event} ON main.object_bodies
      WHEN instr(NEW.json, '${CHURN_AT}') > 0
      BEGIN
        SELECT bench_row_written(o.cluster, o.kind, o.namespace, o.name,
          json_extract(NEW.json, '$.metadata.annotations."${CHURN_AT}"'))
        FROM main.objects o WHERE o.id = NEW.id;
      END`);
}

/** Wall time spent in each prepared statement of `db` (for experiments: BENCH_SQL_TIMING=1). */
function timeStatements(db: Db) {
  const spent = new Map<string, number>();
  const prepare = db.prepare.bind(db);
  const wrapped = (sql: string) => {
    const statement = prepare(sql) as unknown as Record<string, (...a: unknown[]) => unknown>;
    const key = sql.replace(/\s+/g, ' ').slice(0, 70);
    for (const method of ['run', 'get', 'all']) {
      const original = statement[method].bind(statement);
      statement[method] = (...args: unknown[]) => {
        const started = performance.now();
        try {
          return original(...args);
        } finally {
          spent.set(key, (spent.get(key) ?? 0) + performance.now() - started);
        }
      };
    }
    return statement;
  };
  (db as unknown as { prepare: typeof wrapped }).prepare = wrapped;
  // whole transactions, commit included
  const transaction = db.transaction.bind(db);
  const tx = { n: 0, ms: 0, max: 0 };
  (db as unknown as { transaction: unknown }).transaction = (fn: (...a: unknown[]) => unknown) => {
    const run = transaction(fn);
    return (...args: unknown[]) => {
      const started = performance.now();
      try {
        return run(...args);
      } finally {
        const ms = performance.now() - started;
        tx.n++;
        tx.ms += ms;
        tx.max = Math.max(tx.max, ms);
      }
    };
  };
  return {
    clear: () => {
      spent.clear();
      Object.assign(tx, { n: 0, ms: 0, max: 0 });
    },
    transactions: () => ({ n: tx.n, totalMs: round(tx.ms, 0), maxMs: round(tx.max, 0) }),
    top: (n: number) =>
      Object.fromEntries(
        [...spent]
          .sort((a, b) => b[1] - a[1])
          .slice(0, n)
          .map(([k, v]) => [k, round(v, 0)]),
      ),
  };
}

export async function benchChurn(opts: {
  clusters: number;
  pods: number;
  changesPerSecond: number;
  warmupSeconds: number;
  windowSeconds: number;
}): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-bench-c-'));
  const perCluster = opts.changesPerSecond / opts.clusters;
  // for repeated experiments: a simulator already running with --churn (BENCH_C_KUBECONFIG=DIR/kubeconfig)
  const external = process.env.BENCH_C_KUBECONFIG;
  const sim = external
    ? attachSimProcess(external)
    : await startSimProcess({
        clusters: opts.clusters,
        pods: opts.pods,
        out: path.join(dir, 'sim'),
        churn: perCluster,
      });
  let db: Db | undefined;
  let area: ReturnType<typeof createObjectsArea> | undefined;
  try {
    const pods = await waitSettled(sim, Math.floor(opts.pods * 0.9), 900_000, true);
    const reference = await referenceWindow(sim, opts.windowSeconds);

    db = openDatabase(path.join(dir, 'flotilla.db'));
    const window: Window = { start: Infinity, end: Infinity };
    const arrivals = new Map<string, number>();
    const lags: number[] = [];
    const ownLags: number[] = [];
    const committed = new Set<string>();
    let events = 0;
    const byResource = new Map<string, number>();
    let notices = 0;
    watchCommits(db, (key, at, committedAt) => {
      const arrived = arrivals.get(key);
      arrivals.delete(key);
      if (at < window.start || at > window.end || committed.has(key)) return;
      committed.add(key);
      lags.push(committedAt - at);
      if (arrived !== undefined) ownLags.push(committedAt - arrived);
    });
    // the informers' transport, timing what arrives (one property read per event)
    const timedTransport = (kc: KubeConfig): Transport => {
      const cluster = kc.getCurrentContext();
      const t = createTransport(kc);
      return {
        ...t,
        watch: (p, params, onEvent, options) =>
          t.watch(
            p,
            params,
            (ev) => {
              const now = Date.now();
              if (now >= window.start && now <= window.end) {
                events++;
                const resource = p.slice(p.lastIndexOf('/') + 1);
                byResource.set(resource, (byResource.get(resource) ?? 0) + 1);
              }
              const at = stampOf(ev.object);
              const kind = KIND_OF_PATH.get(p);
              if (at !== undefined && kind && at >= window.start) {
                const key = `${cluster}/${kind}/${ev.object.metadata?.namespace ?? ''}/${ev.object.metadata?.name}@${at}`;
                if (!arrivals.has(key)) arrivals.set(key, now);
              }
              onEvent(ev);
            },
            options,
          ),
      };
    };
    if (process.env.BENCH_NO_CHECKPOINT === '1') db.pragma('wal_autocheckpoint = 0'); // experiment only
    const sqlTiming = process.env.BENCH_SQL_TIMING === '1' ? timeStatements(db) : undefined;
    const objectsArea = createObjectsArea({
      db,
      log: createLogger({ quiet: true }),
      emit: (name) => {
        if (name === 'objects.changed') notices++;
      },
      tuning: {
        transport: timedTransport,
        // for experiments: BENCH_FLUSH_MS overrides the batch writer's interval
        ...(process.env.BENCH_FLUSH_MS ? { flushMs: Number(process.env.BENCH_FLUSH_MS) } : {}),
      },
    });
    area = objectsArea;
    const syncStarted = performance.now();
    for (const c of sim.clusters) objectsArea.service.start(c, sim.kubeConfigFor(c));
    await Promise.all(sim.clusters.map((c) => objectsArea.service.whenSynced(c, undefined, 900_000)));
    const syncMs = performance.now() - syncStarted;
    await new Promise((r) => setTimeout(r, opts.warmupSeconds * 1000));

    sqlTiming?.clear();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpu = process.cpuUsage();
    const noticesBefore = notices;
    window.start = Date.now();
    window.end = window.start + opts.windowSeconds * 1000;
    await profileWhile(
      process.env.BENCH_CPU_PROFILE,
      () => new Promise((r) => setTimeout(r, opts.windowSeconds * 1000)),
    );
    const used = process.cpuUsage(cpu);
    loop.disable();
    const wallMs = Date.now() - window.start;
    const noticesInWindow = notices - noticesBefore;
    // changes made near the end of the window still land: give them a moment
    await new Promise((r) => setTimeout(r, 2000));
    const cpuPercent = ((used.user + used.system) / 1000 / wallMs) * 100;
    // every stamped change must reach the store: a figure over a handful of rows means nothing
    // (arrivals left are those never seen committed: a few are deletions or collapsed edits)
    const stampIn = (k: string) => Number(k.slice(k.lastIndexOf('@') + 1));
    const missed = [...arrivals.keys()].filter((k) => stampIn(k) >= window.start && stampIn(k) <= window.end);
    if (lags.length < missed.length) {
      throw new Error(
        `only ${lags.length} stamped changes were seen committed, ${missed.length} arrived but were not: the commit watch misses writes`,
      );
    }
    const lag = summary(lags);
    const own = summary(ownLags);
    return {
      clusters: opts.clusters,
      podsServed: pods,
      changesPerSecondAsked: opts.changesPerSecond,
      windowSeconds: opts.windowSeconds,
      initialSyncMs: round(syncMs, 0),
      watchEventsPerSecond: round(events / (wallMs / 1000)),
      watchEventsPerSecondByResource: Object.fromEntries(
        [...byResource].sort((x, y) => y[1] - x[1]).map(([k, n]) => [k, round(n / (wallMs / 1000), 1)]),
      ),
      changeNoticesPerSecond: round(noticesInWindow / (wallMs / 1000), 1),
      lagChangeToCommitMs: lag,
      lagArrivalToCommitMs: own,
      cpuPercentOfOneCore: round(cpuPercent, 1),
      cpuPerWatchEventUs: round(((used.user + used.system) / Math.max(1, events)) * 1, 0),
      // how long the main thread was busy or blocked at a stretch (10 ms resolution)
      eventLoopDelayMs: {
        p50: round(loop.percentile(50) / 1e6),
        p99: round(loop.percentile(99) / 1e6),
        max: round(loop.max / 1e6),
      },
      ...(sqlTiming
        ? { sqlMsInWindow: sqlTiming.top(12), transactionsInWindow: sqlTiming.transactions() }
        : {}),
      reference: {
        what: 'bare watch clients on the same kinds (parse only, no store), same window length',
        lagChangeToArrivalMs: reference.lagMs,
        eventsPerSecond: reference.eventsPerSecond,
        cpuPercentOfOneCore: reference.cpuPercentOfOneCore,
      },
      ratioLagP99ToReference: round(lag.p99 / reference.lagMs.p99),
      ratioCpuToReference: round(cpuPercent / reference.cpuPercentOfOneCore),
      target: 'lagChangeToCommitMs.p99 <= 250, cpuPercentOfOneCore <= 50',
    };
  } finally {
    await area?.close();
    db?.close();
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
