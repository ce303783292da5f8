/**
 * Reads what an export needs straight from a cluster (the CLI has no cache): the cached kinds,
 * in given namespaces (with their Namespace objects) or across the cluster, bodies included
 * (ConfigMap and Secret data too, which the app's cache never holds).
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { DEFAULT_KINDS, collectionPath, type ResourceKind } from '../../kube/informer/resources';
import { KubeHttpError, kubeRequest, listAll } from '../../kube/request';
import type { KubeObject } from '../../../shared/objects/types';

/** Kinds never exported: nodes register themselves, events are history. */
const NOT_EXPORTED = new Set(['Node', 'Event']);

const apiVersionOf = (r: ResourceKind) => (r.group ? `${r.group}/${r.version}` : r.version);

function namespacedPath(r: ResourceKind, ns: string): string {
  const base = r.group === '' ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`;
  return `${base}/namespaces/${encodeURIComponent(ns)}/${r.resource}`;
}

export async function listForExport(
  kc: KubeConfig,
  options: { namespaces?: string[]; timeoutMs?: number } = {},
): Promise<KubeObject[]> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const out: KubeObject[] = [];
  const kinds = DEFAULT_KINDS.filter((r) => !NOT_EXPORTED.has(r.kind));
  const push = (r: ResourceKind, items: unknown[]) => {
    for (const item of items)
      out.push({ ...(item as KubeObject), apiVersion: apiVersionOf(r), kind: r.kind });
  };
  const namespaces = options.namespaces;
  if (namespaces?.length) {
    for (const ns of namespaces) {
      try {
        out.push({
          ...((await kubeRequest(kc, `/api/v1/namespaces/${encodeURIComponent(ns)}`)) as KubeObject),
          apiVersion: 'v1',
          kind: 'Namespace',
        });
      } catch (e) {
        if (e instanceof KubeHttpError && e.status === 404) throw new Error(`namespace ${ns} does not exist`);
        throw e;
      }
      for (const r of kinds.filter((k) => k.namespaced)) {
        push(r, await listAll(kc, namespacedPath(r, ns), timeoutMs));
      }
    }
    return out;
  }
  for (const r of kinds) {
    try {
      push(r, await listAll(kc, collectionPath(r), timeoutMs));
    } catch (e) {
      // a kind this server does not serve (an older or trimmed API server)
      if (e instanceof KubeHttpError && e.status === 404) continue;
      throw e;
    }
  }
  return out;
}
