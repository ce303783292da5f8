/** Finds the pod spec (and pod metadata) inside every workload kind, with its JSON path. */
import type { KubeObject } from '../../../shared/objects/types';

export const workloadKinds = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'ReplicationController',
];
export const controllerKinds = workloadKinds.filter((k) => k !== 'Pod');

// Loose JSON access: manifests are untrusted and may have any shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type J = any;

export interface PodView {
  spec: J;
  /** Path of the pod spec, e.g. 'spec.template.spec'. */
  path: string;
  metadata: { labels: Record<string, string>; annotations: Record<string, string> };
  metadataPath: string;
}

export interface ContainerView {
  c: J;
  /** 'containers' | 'initContainers' | 'ephemeralContainers' */
  type: string;
  index: number;
  path: string;
}

const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? v : undefined);

const podCache = new WeakMap<object, PodView | null>();

/** The pod view of a workload (memoised per object: every pod check asks for it). */
export function podOf(o: KubeObject): PodView | undefined {
  let v = podCache.get(o);
  if (v === undefined) {
    v = findPod(o) ?? null;
    podCache.set(o, v);
  }
  return v ?? undefined;
}

const containerCache = new WeakMap<PodView, Map<readonly string[], ContainerView[]>>();

function findPod(o: KubeObject): PodView | undefined {
  const kind = o.kind;
  const root = o as J;
  let tpl: J;
  let base: string;
  if (kind === 'Pod') {
    const spec = obj(root.spec);
    if (!spec) return undefined;
    return {
      spec,
      path: 'spec',
      metadata: {
        labels: obj(root.metadata?.labels) ?? {},
        annotations: obj(root.metadata?.annotations) ?? {},
      },
      metadataPath: 'metadata',
    };
  } else if (kind === 'CronJob') {
    tpl = obj(root.spec?.jobTemplate?.spec?.template);
    base = 'spec.jobTemplate.spec.template';
  } else if (kind && controllerKinds.includes(kind)) {
    tpl = obj(root.spec?.template);
    base = 'spec.template';
  } else return undefined;
  const spec = obj(tpl?.spec);
  if (!spec) return undefined;
  return {
    spec,
    path: `${base}.spec`,
    metadata: { labels: obj(tpl.metadata?.labels) ?? {}, annotations: obj(tpl.metadata?.annotations) ?? {} },
    metadataPath: `${base}.metadata`,
  };
}

const allContainerTypes = ['initContainers', 'containers', 'ephemeralContainers'];

/** Containers of the given lists, in order (memoised per pod view and list choice). */
export function containersOf(pod: PodView, types = allContainerTypes): ContainerView[] {
  const key = types; // callers pass module-level constant arrays, so identity is a good key
  let byTypes = containerCache.get(pod);
  if (!byTypes) containerCache.set(pod, (byTypes = new Map()));
  const hit = byTypes.get(key);
  if (hit) return hit;
  const out: ContainerView[] = [];
  byTypes.set(key, out);
  for (const type of types) {
    const list = pod.spec[type];
    if (!Array.isArray(list)) continue;
    list.forEach((c, index) => {
      if (obj(c)) out.push({ c, type, index, path: `${pod.path}.${type}[${index}]` });
    });
  }
  return out;
}

export const asArray = (v: unknown): J[] => (Array.isArray(v) ? v : []);
export const asObject = obj;
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
