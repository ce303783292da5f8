/** Lookups of related objects within the run's scope, memoised per run. */
import type { StoredObject } from '../../../../shared/objects/types';
import type { CheckContext } from '../types';

/** All objects of a kind in the scope, grouped by `${cluster}\t${namespace}`. */
export function byNamespace(ctx: CheckContext, kind: string): Map<string, StoredObject[]> {
  return ctx.memo(`ns:${kind}`, () => {
    const map = new Map<string, StoredObject[]>();
    const clusters = ctx.scope.clusters;
    for (const o of ctx.reader.iterate({ source: ctx.scope.source, clusters, kinds: [kind] })) {
      const k = `${o.cluster}\t${o.namespace}`;
      const list = map.get(k);
      if (list) list.push(o);
      else map.set(k, [o]);
    }
    return map;
  });
}

export function inNamespace(
  ctx: CheckContext,
  kind: string,
  obj: { cluster: string; namespace: string },
): StoredObject[] {
  return byNamespace(ctx, kind).get(`${obj.cluster}\t${obj.namespace}`) ?? [];
}

/** An object by kind and name in the same cluster (and namespace, unless cluster-scoped: namespace ''). */
export function findNamed(ctx: CheckContext, kind: string, cluster: string, namespace: string, name: string) {
  const index = ctx.memo(`named:${kind}`, () => {
    const m = new Map<string, StoredObject>();
    for (const list of byNamespace(ctx, kind).values())
      for (const o of list) m.set(`${o.cluster}\t${o.namespace}\t${o.name}`, o);
    return m;
  });
  return index.get(`${cluster}\t${namespace}\t${name}`);
}

const controllerKinds = new Set([
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
]);

/**
 * True when a controller that is itself in scope owns this object (a Deployment's ReplicaSet and pods,
 * a CronJob's Jobs): as Polaris does, the top controller carries the workload's findings, once.
 */
export function ownedByControllerInScope(obj: StoredObject, ctx: CheckContext): boolean {
  const owners = obj.object.metadata?.ownerReferences;
  if (!Array.isArray(owners) || !owners.length) return false;
  const cache = ctx.memo('owned', () => new WeakMap<StoredObject, boolean>());
  let owned = cache.get(obj);
  if (owned === undefined) cache.set(obj, (owned = ownerInScope(obj, owners, ctx)));
  return owned;
}

type Owners = NonNullable<NonNullable<StoredObject['object']['metadata']>['ownerReferences']>;

function ownerInScope(obj: StoredObject, owners: Owners, ctx: CheckContext): boolean {
  return owners.some(
    (o) =>
      o &&
      o.controller === true &&
      controllerKinds.has(o.kind) &&
      !!findNamed(ctx, o.kind, obj.cluster, obj.namespace, o.name),
  );
}
