/**
 * Runs a cluster's controllers: feeds store events to the cache and the controllers, then drains
 * the work queue on ticks within a time budget so the API server stays responsive.
 */
import type { ClusterStore } from '../store/api';
import type { ClusterSpec } from '../fleet/types';
import { realClock, type Clock } from './clock';
import { allControllers } from './registry';
import { Runtime, type Controller, type Timings } from './runtime';

export interface ManagerOptions {
  store: ClusterStore;
  spec: ClusterSpec;
  log?: (msg: string) => void;
  clock?: Clock;
  timings?: Partial<Timings>;
  /** Real-time tick (default 100 ms). */
  tickMs?: number;
  /** Most milliseconds of work per tick (default 40). */
  budgetMs?: number;
  maxEvents?: number;
  eventsPerSecond?: number;
  /** Only these controllers (by name); default all. */
  only?: string[];
}

/**
 * One work budget shared by every cluster's controllers in this process: with many clusters,
 * convergence is spread out instead of starving the API servers (at most half of each 100 ms).
 */
const shared = { windowStart: 0, used: 0, windowMs: 100, budgetMs: 50 };
function sharedAllowance(wanted: number): number {
  const now = performance.now();
  if (now - shared.windowStart >= shared.windowMs) {
    shared.windowStart = now;
    shared.used = 0;
  }
  return Math.min(wanted, shared.budgetMs - shared.used);
}

export interface ControllerManager {
  readonly runtime: Runtime;
  /** Fires due timers and works the queue for up to `budgetMs` (Infinity = until empty). Returns items processed. */
  tick(budgetMs?: number): number;
  /** Ticks until no work is queued; for tests with a manual clock. */
  settle(maxItems?: number): number;
  stop(): void;
}

export function createControllerManager(opts: ManagerOptions): ControllerManager {
  const clock = opts.clock ?? realClock;
  const rt = new Runtime({
    store: opts.store,
    spec: opts.spec,
    clock,
    timings: opts.timings,
    log: opts.log,
    maxEvents: opts.maxEvents,
    eventsPerSecond: opts.eventsPerSecond,
  });
  const controllers = allControllers().filter((c) => !opts.only || opts.only.includes(c.name));
  const byName = new Map<string, Controller>(controllers.map((c) => [c.name, c]));
  rt.cache.load(opts.store);
  const routes = new Map<string, Controller[]>();
  const routeFor = (gvr: string): Controller[] => {
    let list = routes.get(gvr);
    if (!list)
      routes.set(
        gvr,
        (list = controllers.filter((c) => c.onEvent && (!c.watches || c.watches.includes(gvr)))),
      );
    return list;
  };
  const unsubscribe = opts.store.subscribe((event) => {
    rt.cache.apply(event);
    for (const c of routeFor(event.gvr)) {
      try {
        c.onEvent?.(event, rt);
      } catch (err) {
        rt.log(
          `controller ${c.name}: event handler failed on ${event.type} ${event.gvr}: ${(err as Error).message}`,
        );
      }
    }
  });
  for (const c of controllers) c.start?.(rt);
  const failures = new Map<string, number>();

  const tick = (budgetMs = opts.budgetMs ?? 40): number => {
    rt.fireTimers();
    const deadline = performance.now() + budgetMs;
    let n = 0;
    for (;;) {
      if (n > 0 && (n & 15) === 0 && performance.now() > deadline) break;
      const item = rt.take();
      if (!item) break;
      n++;
      const c = byName.get(item.controller);
      if (!c) continue;
      const id = `${item.controller}|${item.key}`;
      try {
        c.reconcile(item.key, rt);
        failures.delete(id);
      } catch (err) {
        const count = (failures.get(id) ?? 0) + 1;
        failures.set(id, count);
        rt.log(`controller ${item.controller}: ${item.key}: ${(err as Error).message} (retry ${count})`);
        rt.after(Math.min(30_000, 200 * 2 ** Math.min(count, 8)), item.controller, item.key);
      }
    }
    return n;
  };

  let timer: ReturnType<typeof setInterval> | undefined;
  if (!opts.clock) {
    timer = setInterval(() => {
      const allowed = sharedAllowance(opts.budgetMs ?? 40);
      if (allowed <= 0) return;
      const started = performance.now();
      tick(allowed);
      shared.used += performance.now() - started;
    }, opts.tickMs ?? 100);
    timer.unref?.();
  }

  return {
    runtime: rt,
    tick,
    settle(maxItems = 1_000_000) {
      let total = 0;
      for (;;) {
        const n = tick(Infinity);
        total += n;
        if (n === 0 || total > maxItems) return total;
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      unsubscribe();
    },
  };
}
