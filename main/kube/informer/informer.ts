import type { KubeObject } from '../../../shared/objects/types';
import { backoffDelay, sleep } from './backoff';
import type { ListItems } from './list-body';
import type { Gate } from './gate';
import { collectionPath, type ResourceKind } from './resources';
import { KubeHttpError, type Transport, type WatchEvent } from './transport';

/**
 * List + watch of one kind on one cluster, following client-go's reflector: a paginated list
 * (limit/continue) written page by page, a sweep of what the list did not return, then a watch
 * from the list's resourceVersion with bookmarks. The watch resumes from the last version it saw
 * when the server ends it or the connection drops; 410 Gone (on the watch or an expired continue
 * token) relists; other failures back off with jitter. Nothing here blocks another informer.
 */

export type InformerState = 'pending' | 'syncing' | 'synced' | 'error' | 'unavailable' | 'stopped';

export interface InformerStatus {
  group: string;
  version: string;
  kind: string;
  state: InformerState;
  /** The last error, kept while the state is 'error' or 'unavailable'. */
  message?: string;
  /** When the last complete list ended (ISO). */
  syncedAt?: string;
  /** Failures since the last success. */
  retries: number;
  /** Lists done, including relists after 410 Gone. */
  lists: number;
  /** Failed requests since the informer started (lists and watches). */
  errors: number;
}

/** Where an informer puts what it sees (the service's batched writer). */
export interface InformerSink {
  /** A list page: write now, after anything queued for this kind (items may parse as they are read). */
  listPage(resource: ResourceKind, objects: ListItems, gen: number): void;
  /** The list is complete: remove rows of this kind not marked `gen`. */
  listDone(resource: ResourceKind, gen: number): void;
  /** A watch event, queued for the next batch. */
  event(resource: ResourceKind, type: 'upsert' | 'remove', object: KubeObject, gen: number): void;
}

export interface InformerOptions {
  transport: Transport;
  resource: ResourceKind;
  sink: InformerSink;
  /** Limits concurrent lists per cluster. */
  listGate?: Gate;
  onStatus?: (status: InformerStatus) => void;
  log?: { debug(m: string): void; info(m: string): void; warn(m: string): void };
  pageSize?: number;
  /** Server-side watch length; each watch adds up to 20% jitter. */
  watchSeconds?: number;
  listTimeoutMs?: number;
  /** How long a watch may take to be accepted: a cluster that accepts connections but never answers fails after it. */
  watchOpenTimeoutMs?: number;
  backoff?: { baseMs?: number; maxMs?: number; random?: () => number };
  /** How long to wait before asking again for a kind the server does not serve. */
  unavailableRetryMs?: number;
  /** A generation number for each list (monotonic across informers sharing a store). */
  nextGen: () => number;
}

export interface Informer {
  start(): void;
  stop(): Promise<void>;
  status(): InformerStatus;
  /** Ends the current wait or watch and lists again now (e.g. after a reconnect). */
  kick(): void;
}

class Gone extends Error {}

const isGone = (e: unknown) =>
  e instanceof Gone ||
  (e instanceof KubeHttpError && (e.status === 410 || e.reason === 'Expired' || e.reason === 'Gone'));

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createInformer(o: InformerOptions): Informer {
  const r = o.resource;
  const path = collectionPath(r);
  const random = o.backoff?.random ?? Math.random;
  const backoff = (n: number) => backoffDelay(n, { ...o.backoff, random });
  let status: InformerStatus = {
    group: r.group,
    version: r.version,
    kind: r.kind,
    state: 'pending',
    retries: 0,
    lists: 0,
    errors: 0,
  };
  let controller = new AbortController();
  let running: Promise<void> | undefined;
  let wake = new AbortController();

  const set = (patch: Partial<InformerStatus>) => {
    const next = { ...status, ...patch };
    if (next.state !== 'error' && next.state !== 'unavailable') delete next.message;
    const changed = next.state !== status.state || next.message !== status.message;
    status = next;
    if (changed) o.onStatus?.(status);
  };

  const waitOrWake = async (ms: number, signal: AbortSignal) => {
    wake = new AbortController();
    await sleep(ms, AbortSignal.any([signal, wake.signal]));
  };

  const listAll = async (signal: AbortSignal): Promise<string> => {
    const release = o.listGate ? await o.listGate.acquire(signal) : () => {};
    try {
      const gen = o.nextGen();
      let token: string | undefined;
      let rv = '';
      do {
        const params: Record<string, string> = { limit: String(o.pageSize ?? 500) };
        if (token) params.continue = token;
        const page = await o.transport.list(path, params, {
          metadataOnly: r.metadataOnly,
          signal,
          timeoutMs: o.listTimeoutMs ?? 60_000,
        });
        if (signal.aborted) throw new Error('stopped');
        o.sink.listPage(r, page.items, gen);
        token = page.continue;
        rv = page.resourceVersion;
      } while (token);
      o.sink.listDone(r, gen);
      status.lists++;
      set({ state: 'synced', retries: 0, syncedAt: new Date().toISOString() });
      return rv;
    } finally {
      release();
    }
  };

  /** Watches from `rv`; returns the last resourceVersion seen when the server ends the watch. */
  const watchFrom = async (rv: string, signal: AbortSignal, onOpen: () => void): Promise<string> => {
    let last = rv;
    const seconds = Math.round((o.watchSeconds ?? 300) * (1 + random() * 0.2));
    const gen = o.nextGen();
    const onEvent = (ev: WatchEvent) => {
      if (ev.type === 'ERROR') {
        const s = ev.object as { code?: number; reason?: string; message?: string };
        if (s.code === 410 || s.reason === 'Expired' || s.reason === 'Gone')
          throw new Gone(s.message ?? 'Gone');
        throw new KubeHttpError(
          s.code ?? 0,
          s.reason ?? 'Error',
          `watch ${r.kind}: ${s.message ?? 'error event'}`,
        );
      }
      const v = ev.object?.metadata?.resourceVersion;
      if (v) last = v;
      if (ev.type === 'BOOKMARK') return;
      o.sink.event(r, ev.type === 'DELETED' ? 'remove' : 'upsert', ev.object, gen);
    };
    await o.transport.watch(
      path,
      { resourceVersion: rv, allowWatchBookmarks: 'true', timeoutSeconds: String(seconds) },
      onEvent,
      {
        metadataOnly: r.metadataOnly,
        signal,
        timeoutMs: (seconds + 30) * 1000,
        openTimeoutMs: o.watchOpenTimeoutMs ?? 30_000,
        onOpen,
      },
    );
    return last;
  };

  const run = async (signal: AbortSignal) => {
    let failures = 0;
    while (!signal.aborted) {
      let rv: string;
      try {
        set({ state: status.state === 'error' ? 'error' : 'syncing' });
        rv = await listAll(signal);
        failures = 0;
      } catch (e) {
        if (signal.aborted) return;
        if (isGone(e)) {
          o.log?.info(`${r.kind}: list continue token expired, listing again`);
          continue;
        }
        if (e instanceof KubeHttpError && e.status === 404) {
          set({
            state: 'unavailable',
            message: `${r.kind} (${r.group || 'core'}/${r.version}) is not served by this cluster`,
          });
          await waitOrWake(o.unavailableRetryMs ?? 600_000, signal);
          continue;
        }
        failures++;
        status.errors++;
        set({ state: 'error', message: message(e), retries: failures });
        const delay = Math.max(backoff(failures), e instanceof KubeHttpError ? (e.retryAfterMs ?? 0) : 0);
        o.log?.debug(`${r.kind}: list failed (${message(e)}), retry in ${delay} ms`);
        await waitOrWake(delay, signal);
        continue;
      }
      let watchFailures = 0;
      while (!signal.aborted) {
        try {
          rv = await watchFrom(rv, signal, () => {
            // the watch is back: the cache follows the cluster again
            if (watchFailures > 0) set({ state: 'synced', retries: 0 });
            watchFailures = 0;
          });
          // the server ended the watch in order: resume at once from where it stopped
        } catch (e) {
          if (signal.aborted) return;
          if (isGone(e)) {
            o.log?.info(`${r.kind}: watch expired (410), listing again`);
            break;
          }
          watchFailures++;
          status.errors++;
          if (watchFailures > 1) set({ state: 'error', message: message(e), retries: watchFailures });
          // a dropped stream resumes at once; repeated failures back off
          if (watchFailures > 1) {
            const delay = Math.max(
              backoff(watchFailures - 1),
              e instanceof KubeHttpError ? (e.retryAfterMs ?? 0) : 0,
            );
            await waitOrWake(delay, signal);
          }
          if (wake.signal.aborted) break;
        }
      }
    }
  };

  return {
    start() {
      if (running) return;
      controller = new AbortController();
      const signal = controller.signal;
      running = run(signal).catch((e) => {
        set({ state: 'error', message: `informer stopped unexpectedly: ${message(e)}` });
      });
    },
    async stop() {
      controller.abort();
      await running;
      running = undefined;
      set({ state: 'stopped' });
    },
    status: () => ({ ...status }),
    kick() {
      wake.abort();
    },
  };
}
