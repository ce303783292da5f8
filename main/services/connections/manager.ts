import type { KubeConfig } from '@kubernetes/client-node';
import { classifyError } from '../../kube/classify';
import { observe, type Observation } from '../../kube/health';
import type { Logger } from '../log';
import {
  defaultTiming,
  initialState,
  nextState,
  type ConnState,
  type ProbeOutcome,
  type Timing,
} from './state';

export interface ConnectionsOptions {
  log: Logger;
  /** A single-context KubeConfig for a cluster; throws KubeconfigError (e.g. NOT_APPROVED) when it cannot be built. */
  kubeConfigFor(id: string): KubeConfig;
  onState(id: string, state: ConnState): void;
  onObservation(id: string, observation: Observation): void;
  timing?: Partial<Timing>;
  /** Deadline for one probe (version + light lists). */
  probeTimeoutMs?: number;
  /** Probes in flight at once; a dead cluster holds one slot for at most probeTimeoutMs. */
  concurrency?: number;
  tickMs?: number;
  now?: () => number;
  random?: () => number;
}

interface Entry {
  id: string;
  server: string;
  conn: ConnState;
  observation?: Observation;
  inflight: boolean;
  current?: Promise<void>;
  /** Bumped on remove/reconnect so a late probe result is dropped. */
  epoch: number;
}

/**
 * Keeps one connection state per cluster and probes each on its own schedule: ready clusters
 * every pollMs, failing ones with back-off and jitter. Probes run concurrently with their own
 * deadline, so a dead or slow cluster never delays the others.
 */
export function createConnections(options: ConnectionsOptions) {
  const timing: Timing = { ...defaultTiming, ...options.timing };
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const probeTimeoutMs = options.probeTimeoutMs ?? 8_000;
  const concurrency = options.concurrency ?? 48;
  const entries = new Map<string, Entry>();
  let inflight = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const setState = (entry: Entry, next: ConnState) => {
    const changed = entry.conn.state !== next.state || entry.conn.message !== next.message;
    entry.conn = next;
    if (changed) options.onState(entry.id, next);
  };

  function probe(entry: Entry): Promise<void> {
    entry.current = runProbe(entry);
    return entry.current;
  }

  async function runProbe(entry: Entry): Promise<void> {
    const epoch = entry.epoch;
    entry.inflight = true;
    inflight++;
    let outcome: ProbeOutcome;
    let observation: Observation | undefined;
    try {
      const kc = options.kubeConfigFor(entry.id);
      observation = await observe(kc, probeTimeoutMs);
      const notReady = observation.nodes.filter((n) => !n.ready).length;
      outcome =
        notReady > 0 && notReady === observation.nodes.length
          ? { ok: true, warning: `None of the ${notReady} nodes is ready` }
          : { ok: true };
    } catch (error) {
      const c = classifyError(error, entry.server);
      outcome = { ok: false, failure: c.failure, message: c.message };
      options.log.debug(`probe ${entry.id} failed: ${c.message}`);
    } finally {
      entry.inflight = false;
      inflight--;
    }
    if (stopped || entries.get(entry.id) !== entry || entry.epoch !== epoch) return;
    if (observation) {
      entry.observation = observation;
      options.onObservation(entry.id, observation);
    }
    setState(entry, nextState(entry.conn, outcome, now(), timing, random));
  }

  function tick() {
    const t = now();
    for (const entry of entries.values()) {
      if (inflight >= concurrency) break;
      if (!entry.inflight && entry.conn.nextAt <= t) void probe(entry);
    }
  }

  function ensureTimer() {
    if (timer || stopped) return;
    timer = setInterval(tick, options.tickMs ?? 250);
    timer.unref?.();
  }

  return {
    add(id: string, server: string) {
      if (entries.has(id)) return;
      const entry: Entry = { id, server, conn: initialState(now()), inflight: false, epoch: 0 };
      entries.set(id, entry);
      options.onState(id, entry.conn);
      ensureTimer();
      tick();
    },
    remove(id: string) {
      const e = entries.get(id);
      if (e) e.epoch++;
      entries.delete(id);
    },
    /** Forgets the back-off and probes at once. */
    reconnect(id: string) {
      const e = entries.get(id);
      if (!e) return;
      e.epoch++;
      e.inflight = false;
      setState(e, initialState(now()));
      void probe(e);
    },
    state(id: string): ConnState | undefined {
      return entries.get(id)?.conn;
    },
    observation(id: string): Observation | undefined {
      return entries.get(id)?.observation;
    },
    ids(): string[] {
      return [...entries.keys()];
    },
    /** Probes every cluster once now and resolves when all answered or failed (CLI). */
    async probeAllOnce(): Promise<void> {
      await Promise.all([...entries.values()].map((e) => (e.inflight && e.current ? e.current : probe(e))));
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
export type Connections = ReturnType<typeof createConnections>;
