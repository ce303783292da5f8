/**
 * Background churn for benchmarks: `ratePerSecond` object changes per second, spread over
 * label/annotation edits, deployment scale ups/downs and pod restarts (deletes that the
 * ReplicaSet replaces). Keeps its own name index from store events, so a change costs O(1).
 * Every edit also stamps the object with `churn.flotilla.dev/at` (milliseconds since the epoch,
 * from `now`), so a client can measure how long a change takes to reach it.
 */
import type { ClusterStore, KObject } from '../store/api';
import { createRand } from '../fleet/rand';
import { GVR, keyOf, splitKey } from './gvr';

class Names {
  private readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  add(key: string): void {
    if (this.index.has(key)) return;
    this.index.set(key, this.keys.length);
    this.keys.push(key);
  }
  remove(key: string): void {
    const i = this.index.get(key);
    if (i === undefined) return;
    const last = this.keys.pop() as string;
    if (i < this.keys.length) {
      this.keys[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(key);
  }
  pick(r: number): string | undefined {
    return this.keys.length ? this.keys[Math.floor(r * this.keys.length)] : undefined;
  }
  get size(): number {
    return this.keys.length;
  }
}

export interface ChurnOptions {
  seed?: number;
  /** Timer period (default 100 ms). */
  periodMs?: number;
  /** The clock of the `churn.flotilla.dev/at` stamp (default Date.now). */
  now?: () => number;
}

/** The annotation each churn edit writes: when the change was made (ms since the epoch). */
export const CHURN_AT_ANNOTATION = 'churn.flotilla.dev/at';

export interface ChurnHandle {
  stop(): void;
  /** Makes `n` changes now; returns how many succeeded. Used by the timer and by tests. */
  burst(n: number): number;
  readonly changes: number;
}

const SYSTEM = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export function startChurn(store: ClusterStore, ratePerSecond: number, opts: ChurnOptions = {}): ChurnHandle {
  const rand = createRand(opts.seed ?? 42);
  const pods = new Names();
  const deployments = new Names();
  const configMaps = new Names();
  const track: Record<string, Names> = {
    [GVR.pods]: pods,
    [GVR.deployments]: deployments,
    'v1/configmaps': configMaps,
  };
  for (const [gvr, names] of Object.entries(track))
    for (const o of store.list(gvr))
      if (!SYSTEM.has(o.metadata.namespace ?? ''))
        names.add(keyOf(o.metadata.namespace, o.metadata.name ?? ''));
  const unsubscribe = store.subscribe((e) => {
    const names = track[e.gvr];
    if (!names || SYSTEM.has(e.object.metadata.namespace ?? '')) return;
    const key = keyOf(e.object.metadata.namespace, e.object.metadata.name ?? '');
    if (e.type === 'DELETED') names.remove(key);
    else names.add(key);
  });
  let changes = 0;
  let serial = 0;
  const now = opts.now ?? Date.now;
  const touch = (gvr: string, names: Names, fn: (o: KObject) => void): boolean => {
    const key = names.pick(rand.next());
    if (!key) return false;
    const { namespace, name } = splitKey(key);
    const stamped = (o: KObject) => {
      fn(o);
      o.metadata.annotations = { ...o.metadata.annotations, [CHURN_AT_ANNOTATION]: String(now()) };
    };
    try {
      return store.mutate(gvr, namespace, name, stamped) !== undefined;
    } catch {
      return false;
    }
  };
  const one = (): boolean => {
    serial++;
    const r = rand.next();
    if (r < 0.35)
      return touch(
        GVR.pods,
        pods,
        (o) => void (o.metadata.labels = { ...o.metadata.labels, 'churn.flotilla.dev/tick': String(serial) }),
      );
    if (r < 0.55)
      return touch(
        'v1/configmaps',
        configMaps,
        (o) =>
          void (o.metadata.annotations = {
            ...o.metadata.annotations,
            'churn.flotilla.dev/edited': String(serial),
          }),
      );
    if (r < 0.75)
      return touch(GVR.deployments, deployments, (o) => {
        const spec = o.spec as { replicas?: number };
        const n = spec.replicas ?? 1;
        spec.replicas = Math.max(1, n + (n <= 1 || rand.next() < 0.5 ? 1 : -1));
      });
    if (r < 0.85)
      return touch(
        GVR.deployments,
        deployments,
        (o) =>
          void (o.metadata.annotations = {
            ...o.metadata.annotations,
            'churn.flotilla.dev/owner': rand.pick(['team-a', 'team-b', 'team-c']),
          }),
      );
    const key = pods.pick(rand.next());
    if (!key) return false;
    const { namespace, name } = splitKey(key);
    const pod = store.get(GVR.pods, namespace, name);
    if (!pod?.metadata.ownerReferences?.some((o) => o.kind === 'ReplicaSet')) return false;
    try {
      store.delete(GVR.pods, namespace, name);
      return true;
    } catch {
      return false;
    }
  };
  const burst = (n: number): number => {
    let ok = 0;
    // A change that is impossible right now (nothing of that kind) is retried as another kind.
    for (let i = 0; i < n; i++)
      for (let attempt = 0; attempt < 4; attempt++)
        if (one()) {
          ok++;
          break;
        }
    changes += ok;
    return ok;
  };
  const period = opts.periodMs ?? 100;
  let carry = 0;
  const timer =
    ratePerSecond > 0
      ? setInterval(() => {
          carry += (ratePerSecond * period) / 1000;
          const n = Math.floor(carry);
          carry -= n;
          burst(n);
        }, period)
      : undefined;
  timer?.unref?.();
  return {
    stop() {
      if (timer) clearInterval(timer);
      unsubscribe();
    },
    burst,
    get changes() {
      return changes;
    },
  };
}
