/**
 * Reads what an inspection needs straight from a cluster (the CLI has no cache): every kind the
 * checks judge or look up (workloads, services and endpoints, policies, RBAC, nodes, events …),
 * Secrets never. A kind the server does not serve or the user may not list is skipped and named.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject, StoredObject } from '../../../shared/objects/types';
import { DEFAULT_KINDS, collectionPath, type ResourceKind } from '../../kube/informer/resources';
import { KubeHttpError, kubeRequest, listAll } from '../../kube/request';

const extra: ResourceKind[] = [
  { group: '', version: 'v1', resource: 'endpoints', kind: 'Endpoints', namespaced: true },
  {
    group: '',
    version: 'v1',
    resource: 'replicationcontrollers',
    kind: 'ReplicationController',
    namespaced: true,
  },
  { group: '', version: 'v1', resource: 'componentstatuses', kind: 'ComponentStatus', namespaced: false },
];

/** Kinds an inspection lists: the cache's kinds (full bodies) but Secrets, plus the extras above. */
export const inspectionKinds: ResourceKind[] = [
  ...DEFAULT_KINDS.filter((r) => r.kind !== 'Secret' && r.kind !== 'CustomResourceDefinition').map(
    ({ metadataOnly: _m, ...r }) => r,
  ),
  ...extra,
];

export interface LiveListing {
  objects: StoredObject[];
  /** The server's gitVersion (e.g. v1.28.7+vmware.1), when it answers /version. */
  version?: string;
  /** Kinds skipped, with why. */
  skipped: Array<{ kind: string; reason: string }>;
}

export async function listForInspection(
  kc: KubeConfig,
  cluster: string,
  options: { timeoutMs?: number; kinds?: ResourceKind[] } = {},
): Promise<LiveListing> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const objects: StoredObject[] = [];
  const skipped: LiveListing['skipped'] = [];
  for (const r of options.kinds ?? inspectionKinds) {
    try {
      const apiVersion = r.group ? `${r.group}/${r.version}` : r.version;
      for (const item of await listAll(kc, collectionPath(r), timeoutMs)) {
        const o = { ...(item as KubeObject), apiVersion, kind: r.kind };
        const meta = o.metadata ?? {};
        objects.push({
          source: 'live',
          cluster,
          group: r.group,
          version: r.version,
          kind: r.kind,
          namespace: meta.namespace ?? '',
          name: meta.name ?? '',
          uid: meta.uid ?? '',
          resourceVersion: meta.resourceVersion ?? '',
          labels: meta.labels ?? {},
          object: o,
        });
      }
    } catch (e) {
      if (e instanceof KubeHttpError && (e.status === 404 || e.status === 403)) {
        skipped.push({ kind: r.kind, reason: e.status === 404 ? 'not served' : 'not allowed to list' });
        continue;
      }
      throw e;
    }
  }
  let version: string | undefined;
  try {
    version = ((await kubeRequest(kc, '/version', { timeoutMs })) as { gitVersion?: string }).gitVersion;
  } catch {
    version = undefined;
  }
  return { objects, ...(version ? { version } : {}), skipped };
}
