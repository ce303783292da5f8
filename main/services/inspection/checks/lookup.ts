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
  return inNamespace(ctx, kind, { cluster, namespace }).find((o) => o.name === name);
}
