/**
 * What every controller gets: the store, the informer cache, a de-duplicating work queue,
 * timers on an injectable clock, a seeded random source and the event recorder.
 */
import type { ClusterStore, StoreEvent } from '../store/api';
import type { ClusterSpec } from '../fleet/types';
import { createRand, type Rand } from '../fleet/rand';
import { Cache } from './cache';
import type { Clock } from './clock';
import { EventRecorder } from './events';
import { TimerHeap } from './timers';

export interface Timings {
  /** Scheduled → containers Running. */
  podStartMs: number;
  /** How long a marked-to-crash container runs before it exits. */
  crashAfterMs: number;
  /** First CrashLoopBackOff / ImagePullBackOff delay; doubles up to backoffMaxMs. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Run time of containers that exit on their own (job pods) when no annotation says otherwise. */
  jobPodRunMs: number;
  /** Retry interval for unschedulable pods. */
  schedulerRetryMs: number;
  /** Node status heartbeat. */
  heartbeatMs: number;
  /** Metrics refresh period (metrics-server's resolution). */
  metricsMs: number;
  /** Most metric objects refreshed per second, so big clusters stay cheap. */
  metricsPerSecond: number;
  /** Graceful deletion: deletionTimestamp → object removed. */
  terminationMs: number;
}

export const DEFAULT_TIMINGS: Timings = {
  podStartMs: 1200,
  crashAfterMs: 2500,
  backoffBaseMs: 10_000,
  backoffMaxMs: 300_000,
  jobPodRunMs: 4000,
  schedulerRetryMs: 5000,
  heartbeatMs: 40_000,
  metricsMs: 30_000,
  metricsPerSecond: 100,
  terminationMs: 1000,
};

export interface Controller {
  readonly name: string;
  /** The resources whose events onEvent cares about (all when absent): saves a dispatch per event per controller. */
  readonly watches?: readonly string[];
  /** React to a store change by enqueueing keys (this.name or other controllers'). */
  onEvent?(event: StoreEvent, rt: Runtime): void;
  /** Enqueue initial work after the cache is loaded. */
  start?(rt: Runtime): void;
  reconcile(key: string, rt: Runtime): void;
}

export interface RuntimeOptions {
  store: ClusterStore;
  spec: ClusterSpec;
  clock: Clock;
  timings?: Partial<Timings>;
  log?: (msg: string) => void;
  /** Most core/v1 Events kept per cluster (oldest deleted first). */
  maxEvents?: number;
  /** Event rate limit (per second, burst = 10×). */
  eventsPerSecond?: number;
}

export class Runtime {
  readonly store: ClusterStore;
  readonly spec: ClusterSpec;
  readonly clock: Clock;
  readonly cache = new Cache();
  readonly timings: Timings;
  readonly rand: Rand;
  readonly events: EventRecorder;
  readonly log: (msg: string) => void;
  private readonly queue = new Set<string>();
  private readonly timers = new TimerHeap<string>();

  constructor(opts: RuntimeOptions) {
    this.store = opts.store;
    this.spec = opts.spec;
    this.clock = opts.clock;
    this.timings = { ...DEFAULT_TIMINGS, ...opts.timings };
    this.rand = createRand(`controllers:${opts.spec.name}`);
    this.log = opts.log ?? (() => {});
    this.events = new EventRecorder(this, {
      maxEvents: opts.maxEvents ?? 5000,
      perSecond: opts.eventsPerSecond ?? 100,
    });
  }

  now(): number {
    return this.clock.now();
  }

  /** False for namespaces that are gone or terminating: nothing new is created there (as the API server refuses). */
  namespaceOpen(namespace: string | undefined): boolean {
    if (!namespace) return true;
    const ns = this.cache.get('v1/namespaces', namespace);
    return Boolean(
      ns &&
      !ns.metadata.deletionTimestamp &&
      (ns.status as { phase?: string } | undefined)?.phase !== 'Terminating',
    );
  }

  enqueue(controller: string, key: string): void {
    this.queue.add(`${controller}|${key}`);
  }

  /** Reconcile `key` again after `ms` (on the controllers' clock). */
  after(ms: number, controller: string, key: string): void {
    this.timers.push(this.clock.now() + Math.max(0, ms), `${controller}|${key}`);
  }

  /** Moves due timers into the queue; returns how many. */
  fireTimers(): number {
    let n = 0;
    for (const item of this.timers.popDue(this.clock.now())) {
      this.queue.add(item);
      n++;
    }
    return n;
  }

  /** The next item, removed from the queue. */
  take(): { controller: string; key: string } | undefined {
    const first = this.queue.values().next();
    if (first.done) return undefined;
    this.queue.delete(first.value);
    const i = first.value.indexOf('|');
    return { controller: first.value.slice(0, i), key: first.value.slice(i + 1) };
  }

  queueLength(): number {
    return this.queue.size;
  }

  nextTimerAt(): number | undefined {
    return this.timers.peekTime();
  }
}
