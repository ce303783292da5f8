import type { Db } from './db';

/**
 * Which kind a search word names, as kubectl reads a resource name: the kind in any case
 * ("deployment", "Deployment"), its plural ("deployments") or a short name ("deploy").
 */

/** Built-in kinds and their kubectl short names (the plurals follow from the kind). */
const BUILT_IN: Readonly<Record<string, readonly string[]>> = {
  Pod: ['po'],
  Service: ['svc'],
  Deployment: ['deploy'],
  ReplicaSet: ['rs'],
  StatefulSet: ['sts'],
  DaemonSet: ['ds'],
  Job: [],
  CronJob: ['cj'],
  ConfigMap: ['cm'],
  Secret: [],
  Namespace: ['ns'],
  Node: ['no'],
  PersistentVolume: ['pv'],
  PersistentVolumeClaim: ['pvc'],
  ServiceAccount: ['sa'],
  Ingress: ['ing'],
  IngressClass: [],
  NetworkPolicy: ['netpol'],
  Endpoints: ['ep'],
  EndpointSlice: [],
  Event: ['ev'],
  HorizontalPodAutoscaler: ['hpa'],
  PodDisruptionBudget: ['pdb'],
  ReplicationController: ['rc'],
  LimitRange: ['limits'],
  ResourceQuota: ['quota'],
  StorageClass: ['sc'],
  Role: [],
  RoleBinding: [],
  ClusterRole: [],
  ClusterRoleBinding: [],
  CustomResourceDefinition: ['crd', 'crds'],
  PriorityClass: ['pc'],
  Lease: [],
};

/** The resource (plural) name Kubernetes guesses for a kind, lower-cased. */
export function pluralOf(kind: string): string {
  const k = kind.toLowerCase();
  if (k === 'endpoints') return k;
  if (/(s|x|z|ch|sh)$/.test(k)) return `${k}es`;
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  return `${k}s`;
}

export type KindNames = ReadonlyMap<string, string>;

/**
 * Lower-case name → kind, for the built-in kinds and `extra` kinds (those in the cache). A built-in
 * short name wins over a cached kind's plural or name.
 */
export function kindNames(extra: Iterable<string> = []): KindNames {
  const names = new Map<string, string>();
  const add = (kind: string) => {
    names.set(kind.toLowerCase(), kind);
    names.set(pluralOf(kind), kind);
  };
  for (const kind of extra) add(kind);
  for (const kind of Object.keys(BUILT_IN)) add(kind);
  for (const [kind, short] of Object.entries(BUILT_IN)) for (const s of short) names.set(s, kind);
  return names;
}

const BUILT_IN_NAMES = kindNames();

/** The kind `word` names, or undefined. */
export function kindNamed(word: string, names: KindNames = BUILT_IN_NAMES): string | undefined {
  return names.get(word.toLowerCase());
}

/**
 * Reads the distinct kinds in the object table, by skipping through the (source, kind, …) index one
 * source, then one kind, at a time: a few dozen index seeks, however many rows there are. The
 * statements are prepared once; call the returned function on every search.
 */
export function kindsReader(db: Db): () => string[] {
  const nextSource = db
    .prepare<[string], string>('SELECT source FROM objects WHERE source > ? ORDER BY source LIMIT 1')
    .pluck();
  const nextKind = db
    .prepare<[string, string], string>(
      'SELECT kind FROM objects WHERE source = ? AND kind > ? ORDER BY kind LIMIT 1',
    )
    .pluck();
  return () => {
    const kinds = new Set<string>();
    for (let source = nextSource.get(''); source !== undefined; source = nextSource.get(source)) {
      for (let kind = nextKind.get(source, ''); kind !== undefined; kind = nextKind.get(source, kind)) {
        kinds.add(kind);
      }
    }
    return [...kinds].sort();
  };
}
