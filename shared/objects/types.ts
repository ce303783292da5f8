/**
 * The one object model every data source shares: live caches, snapshots and imported YAML are all
 * rows of (source, cluster, group/version/kind, namespace, name, …, the object). Views, search,
 * inspections and cost read objects through an ObjectReader and never care where they came from.
 */

/** A Kubernetes object as JSON (apiVersion, kind, metadata, spec, status, …). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
      apiVersion: string;
      kind: string;
      name: string;
      uid: string;
      controller?: boolean;
    }>;
    creationTimestamp?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export type SourceKind = 'live' | 'snapshot' | 'manifests';

/** Where a row came from: a live cluster cache, an opened snapshot file, or imported manifests. */
export interface ObjectSourceInfo {
  /** Stable id, e.g. 'live', 'snapshot:<file hash>', 'manifests:<import id>'. */
  id: string;
  kind: SourceKind;
  label: string;
  readOnly: boolean;
}

export interface ObjectRef {
  source: string;
  cluster: string;
  /** API group, '' for core. */
  group: string;
  version: string;
  kind: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
}

export interface StoredObject extends ObjectRef {
  uid: string;
  resourceVersion: string;
  labels: Record<string, string>;
  object: KubeObject;
}

export interface ObjectQuery {
  source?: string;
  clusters?: string[];
  /** Kind names, e.g. ['Pod', 'Deployment']. */
  kinds?: string[];
  namespaces?: string[];
  /** (cluster, namespace) pairs, e.g. a workspace's namespaces; [] matches nothing. */
  scopes?: Array<{ cluster: string; namespace: string }>;
  /** Kubernetes label selector syntax. */
  labelSelector?: string;
  /** Substring match on name (case-insensitive). */
  text?: string;
}

/** Read access to objects, whatever their source. Implementations page through SQLite or memory. */
export interface ObjectReader {
  iterate(query: ObjectQuery): Iterable<StoredObject>;
  count(query: ObjectQuery): number;
  get(ref: ObjectRef): StoredObject | undefined;
}
