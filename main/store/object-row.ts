import type { KubeObject } from '../../shared/objects/types';
import { workloadState } from '../../shared/workloads/status';

/**
 * Pure mapping from a Kubernetes object to the columns of the object table: identity, labels,
 * a few selected fields for fast filters and sorts, the search text, and the JSON body.
 * No SQLite here, so it can be tested (and reused by snapshot and import code) on its own.
 */

export interface ObjectWrite {
  source: string;
  cluster: string;
  group: string;
  version: string;
  kind: string;
  object: KubeObject;
}

export interface ObjectRowValues {
  source: string;
  cluster: string;
  api_group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  resource_version: string;
  labels: string;
  created: string;
  status: string | null;
  node_name: string | null;
  owner_kind: string | null;
  owner_name: string | null;
  ready: number | null;
  desired: number | null;
  restarts: number | null;
  search: string;
  body: string;
}

/** Kinds whose payload is never stored: only their metadata is. */
export const METADATA_ONLY_KINDS: ReadonlySet<string> = new Set(['Secret', 'ConfigMap']);

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The object as it is stored: managedFields dropped (large, and the editor reads them live),
 * and for Secrets and ConfigMaps everything but metadata dropped — including the
 * last-applied-configuration annotation, which carries the data in clear.
 */
export function sanitize(kind: string, group: string, version: string, object: KubeObject): KubeObject {
  const metadata: Dict = { ...(object.metadata ?? {}) };
  delete metadata.managedFields;
  const apiVersion = group ? `${group}/${version}` : version;
  if (METADATA_ONLY_KINDS.has(kind) && group === '') {
    if (isDict(metadata.annotations) && Object.hasOwn(metadata.annotations, LAST_APPLIED)) {
      const annotations = { ...metadata.annotations };
      delete annotations[LAST_APPLIED];
      metadata.annotations = annotations;
    }
    const out: KubeObject = { apiVersion, kind, metadata };
    // the Secret type tells what it is for (tls, docker config …) and carries no secret
    if (kind === 'Secret' && typeof object.type === 'string') out.type = object.type;
    return out;
  }
  return { ...object, apiVersion, kind, metadata };
}

interface Summary {
  status: string | null;
  node: string | null;
  ready: number | null;
  desired: number | null;
  restarts: number | null;
  ownerKind?: string | null;
  ownerName?: string | null;
}

const conditionStatus = (status: Dict, type: string): string | undefined => {
  const list = Array.isArray(status.conditions) ? status.conditions : [];
  const found = list.find((c) => isDict(c) && c.type === type) as Dict | undefined;
  return typeof found?.status === 'string' ? found.status : undefined;
};

function summarize(kind: string, object: KubeObject): Summary {
  const spec = isDict(object.spec) ? object.spec : {};
  const status = isDict(object.status) ? object.status : {};
  const none: Summary = { status: null, node: null, ready: null, desired: null, restarts: null };
  switch (kind) {
    case 'Pod':
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'Job':
    case 'CronJob': {
      // one status rule: the Workloads tables and pod page show the same words the column stores
      const state = workloadState(kind, object);
      return {
        status: state.status,
        node: kind === 'Pod' ? str(spec.nodeName) : null,
        ready: state.ready,
        desired: state.desired ?? null,
        restarts: kind === 'Pod' ? state.restarts : null,
      };
    }
    case 'Node': {
      const ready = conditionStatus(status, 'Ready');
      const base = ready === 'True' ? 'Ready' : ready === undefined ? 'Unknown' : 'NotReady';
      return { ...none, status: spec.unschedulable === true ? `${base},SchedulingDisabled` : base };
    }
    case 'Event': {
      const involved = isDict(object.involvedObject) ? object.involvedObject : {};
      return {
        ...none,
        status: str(object.type),
        restarts: num(object.count),
        ownerKind: str(involved.kind),
        ownerName: str(involved.name),
      };
    }
    case 'Namespace':
    case 'PersistentVolumeClaim':
    case 'PersistentVolume':
      return { ...none, status: str(status.phase) };
    case 'Service':
      return { ...none, status: str(spec.type) };
    default:
      return none;
  }
}

function controller(meta: Dict): { kind: string; name: string } | undefined {
  const refs = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isDict) : [];
  const ref = refs.find((r) => r.controller === true) ?? refs[0];
  return ref && typeof ref.kind === 'string' && typeof ref.name === 'string'
    ? { kind: ref.kind, name: ref.name }
    : undefined;
}

/** Lower-cased text the search index sees: name, namespace, kind, cluster and every label. */
export function searchText(
  kind: string,
  namespace: string,
  name: string,
  labels: Record<string, string>,
): string {
  const parts = [name, namespace, kind];
  for (const [k, v] of Object.entries(labels)) parts.push(v ? `${k}=${v}` : k);
  return parts.join(' ').toLowerCase();
}

/** Maps one write to its row; throws a message naming the object when it has no name. */
export function toRow(write: ObjectWrite): ObjectRowValues {
  const object = sanitize(write.kind, write.group, write.version, write.object);
  const meta = (object.metadata ?? {}) as Dict;
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (!name) {
    throw new Error(
      `${write.source}/${write.cluster}: a ${write.kind} without metadata.name cannot be stored`,
    );
  }
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  const labels: Record<string, string> = {};
  if (isDict(meta.labels)) {
    for (const [k, v] of Object.entries(meta.labels)) if (typeof v === 'string') labels[k] = v;
  }
  const summary = summarize(write.kind, object);
  const owner = controller(meta);
  return {
    source: write.source,
    cluster: write.cluster,
    api_group: write.group,
    version: write.version,
    kind: write.kind,
    namespace,
    name,
    uid: typeof meta.uid === 'string' ? meta.uid : '',
    resource_version: typeof meta.resourceVersion === 'string' ? meta.resourceVersion : '',
    labels: JSON.stringify(labels),
    created: typeof meta.creationTimestamp === 'string' ? meta.creationTimestamp : '',
    status: summary.status,
    node_name: summary.node,
    owner_kind: summary.ownerKind !== undefined ? summary.ownerKind : (owner?.kind ?? null),
    owner_name: summary.ownerName !== undefined ? summary.ownerName : (owner?.name ?? null),
    ready: summary.ready,
    desired: summary.desired,
    restarts: summary.restarts,
    search: searchText(write.kind, namespace, name, labels),
    body: JSON.stringify(object),
  };
}
