/**
 * The contract between kube-sim's object store (sim/store/) and everything that uses it:
 * the HTTP layer (sim/server/) and the controllers (sim/controllers/).
 * The store owns resourceVersions, uids, timestamps and watch fan-out; it knows nothing of HTTP.
 * Extend it (add members) rather than change what is here: two authors code against it.
 */

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{
    apiVersion: string;
    kind: string;
    name: string;
    uid: string;
    controller?: boolean;
    blockOwnerDeletion?: boolean;
  }>;
  finalizers?: string[];
  managedFields?: unknown[];
  [key: string]: unknown;
}

export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** One served resource, e.g. {group:'apps', version:'v1', resource:'deployments', kind:'Deployment'}. */
export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  resource: string; // plural, lower case
  singular: string;
  kind: string;
  listKind?: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
  subresources?: { status?: boolean; scale?: boolean; log?: boolean };
}

/** 'apps/v1/deployments', 'v1/pods' (core group has no group prefix). */
export type Gvr = string;
export const gvrOf = (t: Pick<ResourceType, 'group' | 'version' | 'resource'>): Gvr =>
  t.group ? `${t.group}/${t.version}/${t.resource}` : `${t.version}/${t.resource}`;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface StoreEvent {
  type: WatchEventType;
  gvr: Gvr;
  object: KObject; // the object after the change (for DELETED: as it was, with the delete's resourceVersion); shared, never change it
  resourceVersion: number;
}

export class StoreConflictError extends Error {
  readonly code = 409;
}
export class StoreNotFoundError extends Error {
  readonly code = 404;
}
export class StoreAlreadyExistsError extends Error {
  readonly code = 409;
}
export class StoreGoneError extends Error {
  readonly code = 410;
}

export interface ListOptions {
  namespace?: string;
  /** Kubernetes label selector syntax: 'app=web,tier in (a,b),!legacy' */
  labelSelector?: string;
  /** Kubernetes field selector syntax: 'metadata.name=x,status.phase!=Running,spec.nodeName=n1' */
  fieldSelector?: string;
}

/** One simulated cluster's objects. Every method is synchronous; there is one store per cluster. */
export interface ClusterStore {
  readonly clusterName: string;
  /** Current (latest) resourceVersion, as a number. */
  currentResourceVersion(): number;
  /** Register a resource type (built-ins at start; CRDs when created). */
  registerType(type: ResourceType): void;
  unregisterType(gvr: Gvr): void;
  types(): ResourceType[];
  typeOf(gvr: Gvr): ResourceType | undefined;

  get(gvr: Gvr, namespace: string | undefined, name: string): KObject | undefined;
  /** Deep copies, sorted by namespace then name. */
  list(gvr: Gvr, options?: ListOptions): KObject[];
  /**
   * Assigns uid, resourceVersion, creationTimestamp, generation=1, name from generateName. Throws StoreAlreadyExistsError.
   * The returned object (like mutate's, and every StoreEvent.object) is shared with the store: read it, never change it.
   */
  create(gvr: Gvr, object: KObject): KObject;
  /** Replaces; if object.metadata.resourceVersion is set and stale, throws StoreConflictError. Bumps generation when spec changes. */
  update(gvr: Gvr, object: KObject): KObject;
  /** Controllers' read-modify-write: fn edits a copy; returns the stored result (shared: do not change it), or undefined when absent. No-op when fn changes nothing. */
  mutate(
    gvr: Gvr,
    namespace: string | undefined,
    name: string,
    fn: (object: KObject) => void,
  ): KObject | undefined;
  /** Removes the object (the HTTP layer handles cascading through ownerReferences). Throws StoreNotFoundError. */
  delete(gvr: Gvr, namespace: string | undefined, name: string): KObject;
  /** Every change, synchronously, in resourceVersion order. */
  subscribe(listener: (event: StoreEvent) => void): () => void;
  /** Events after `resourceVersion` for a watch that resumes; throws StoreGoneError when that point is compacted away. */
  eventsSince(resourceVersion: number, gvr?: Gvr): StoreEvent[];
}
