/**
 * Applies a set of manifests to a cluster: a server-side dry run of every object first, then — when
 * asked and nothing failed — the real server-side apply in dependency order, waiting for each
 * CustomResourceDefinition to be Established before the custom resources it serves. Every object
 * gets an outcome: created, configured, unchanged, failed (with the server's message) or skipped.
 */
import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '../../../shared/objects/types';
import { kindsServedBy, sortForApply } from './order';

export interface ManifestTarget {
  group: string;
  version: string;
  kind: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
}

/** What the runner needs of a cluster (kube/apply's KubeObjects, adapted; or a fake in unit tests). */
export interface ApplyClient {
  /** The object as the server has it, undefined when it does not exist. */
  get(t: ManifestTarget): Promise<KubeObject | undefined>;
  /** Server-side apply as field manager "flotilla"; throws with the server's message. */
  apply(t: ManifestTarget, config: KubeObject, options: { dryRun: boolean }): Promise<KubeObject>;
}

export interface ManifestItem extends ManifestTarget {
  object: KubeObject;
}

export type Outcome = 'created' | 'configured' | 'unchanged' | 'failed' | 'skipped';

export interface ObjectResult {
  kind: string;
  namespace: string;
  name: string;
  outcome: Outcome;
  message?: string;
}

export interface ApplyRun {
  dryRun: boolean;
  ok: boolean;
  results: ObjectResult[];
}

export interface RunOptions {
  /** Only the dry run. */
  dryRunOnly: boolean;
  /** How long to wait for a new CRD to be Established (default 60 s). */
  crdTimeoutMs?: number;
  /** Poll interval while waiting (default 250 ms). */
  pollMs?: number;
  /** Called after each object, for progress. */
  onResult?: (r: ObjectResult, done: number, total: number) => void;
}

const crdTarget = (name: string): ManifestTarget => ({
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  namespace: '',
  name,
});

const nsTarget = (name: string): ManifestTarget => ({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  namespace: '',
  name,
});

export function isEstablished(crd: KubeObject | undefined): boolean {
  const conditions = (crd?.status as { conditions?: unknown } | undefined)?.conditions;
  return (
    Array.isArray(conditions) &&
    conditions.some(
      (c) =>
        typeof c === 'object' &&
        c !== null &&
        (c as { type?: unknown }).type === 'Established' &&
        (c as { status?: unknown }).status === 'True',
    )
  );
}

/** The object without what every write changes: managedFields, resourceVersion, generation. */
function comparable(o: KubeObject): KubeObject {
  const metadata = { ...(o.metadata ?? {}) };
  delete metadata.managedFields;
  delete metadata.resourceVersion;
  delete metadata.generation;
  return { ...o, metadata };
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runManifestApply(
  client: ApplyClient,
  items: readonly ManifestItem[],
  options: RunOptions,
): Promise<ApplyRun> {
  const ordered = sortForApply(items);
  const served = kindsServedBy(ordered.map((i) => i.object));
  const namespacesInSet = new Set(ordered.filter((i) => i.kind === 'Namespace').map((i) => i.name));

  const known = new Map<string, Promise<boolean>>();
  const exists = (key: string, probe: () => Promise<boolean>) => {
    let p = known.get(key);
    if (!p) known.set(key, (p = probe()));
    return p;
  };
  const namespaceExists = (ns: string) =>
    exists(`ns/${ns}`, async () => (await client.get(nsTarget(ns))) !== undefined);
  const crdEstablished = (crd: string) =>
    exists(`crd/${crd}`, async () => isEstablished(await client.get(crdTarget(crd))));

  /** Why an object cannot be dry-run yet: what it needs is created by this very set. */
  const waitsFor = async (item: ManifestItem): Promise<string | undefined> => {
    const crd = served.get(`${item.group}/${item.kind}`);
    if (crd && !(await crdEstablished(crd))) {
      return `its CustomResourceDefinition ${crd} is created by this apply; checked once it is established`;
    }
    if (item.namespace && namespacesInSet.has(item.namespace) && !(await namespaceExists(item.namespace))) {
      return `namespace ${item.namespace} is created by this apply; checked when it exists`;
    }
    return undefined;
  };

  const one = async (item: ManifestItem, dryRun: boolean): Promise<ObjectResult> => {
    const base = { kind: item.kind, namespace: item.namespace, name: item.name };
    try {
      if (dryRun) {
        const reason = await waitsFor(item);
        if (reason) return { ...base, outcome: 'skipped', message: reason };
      }
      const before = await client.get(item);
      const after = await client.apply(item, item.object, { dryRun });
      if (!before) return { ...base, outcome: 'created' };
      const same = isDeepStrictEqual(comparable(before), comparable(after));
      return { ...base, outcome: same ? 'unchanged' : 'configured' };
    } catch (e) {
      return { ...base, outcome: 'failed', message: errorText(e) };
    }
  };

  const pass = async (dryRun: boolean): Promise<ApplyRun> => {
    const results: ObjectResult[] = [];
    const crdTimeout = options.crdTimeoutMs ?? 60_000;
    for (const item of ordered) {
      let result = await one(item, dryRun);
      if (!dryRun && item.kind === 'CustomResourceDefinition' && result.outcome !== 'failed') {
        const deadline = Date.now() + crdTimeout;
        while (!isEstablished(await client.get(item).catch(() => undefined))) {
          if (Date.now() > deadline) {
            result = {
              ...result,
              outcome: 'failed',
              message: `applied, but not Established within ${Math.round(crdTimeout / 1000)} s`,
            };
            break;
          }
          await sleep(options.pollMs ?? 250);
        }
      }
      results.push(result);
      options.onResult?.(result, results.length, ordered.length);
    }
    return { dryRun, ok: results.every((r) => r.outcome !== 'failed'), results };
  };

  const dry = await pass(true);
  if (options.dryRunOnly || !dry.ok) return dry;
  return pass(false);
}
