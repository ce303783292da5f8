/** What happens to an object between the request body and the store: checks, defaults, validation. */
import type { KObject, ResourceType } from '../store/api';
import type { MemoryStore } from '../store/memory';
import { applyDefaults } from './defaults';
import { ApiError, badRequest, notFound } from './errors';
import { validateCustom } from './crd-schema';
import { validateObject } from './validate';

export const apiVersionOf = (t: ResourceType): string => (t.group ? `${t.group}/${t.version}` : t.version);

/** The body must be an object of the URL's kind; fills apiVersion/kind when absent like a real server does for typed bodies. */
export function checkBody(type: ResourceType, body: unknown, subresource?: string): KObject {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('the body of the request must be a JSON or YAML object');
  const o = body as KObject;
  const expectVersion = apiVersionOf(type);
  if (subresource === 'scale') {
    o.metadata = o.metadata ?? {};
    return o;
  }
  // Like the real decoder, a typed endpoint fills in a missing apiVersion/kind from the URL.
  if (o.kind === undefined || o.kind === '') o.kind = type.kind;
  if (o.apiVersion === undefined || o.apiVersion === '') o.apiVersion = expectVersion;
  if (o.kind !== type.kind)
    throw badRequest(
      `the kind in the data (${String(o.kind)}) does not match the expected kind (${type.kind})`,
    );
  if (o.apiVersion !== expectVersion)
    throw badRequest(
      `the API version in the data (${String(o.apiVersion)}) does not match the expected API version (${expectVersion})`,
    );
  if (o.metadata !== undefined && (typeof o.metadata !== 'object' || Array.isArray(o.metadata)))
    throw badRequest('metadata: expected an object');
  o.metadata = o.metadata ?? {};
  return o;
}

/** The object's namespace must agree with the URL's. */
export function checkNamespace(type: ResourceType, o: KObject, urlNamespace: string | undefined): void {
  if (!type.namespaced) {
    delete o.metadata.namespace;
    return;
  }
  if (o.metadata.namespace && urlNamespace && o.metadata.namespace !== urlNamespace)
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  o.metadata.namespace = urlNamespace ?? o.metadata.namespace;
}

/** New content may only go into a namespace that exists and is not being deleted. */
export function requireLiveNamespace(
  store: MemoryStore,
  type: ResourceType,
  namespace: string | undefined,
): void {
  if (!type.namespaced || !namespace) return;
  const ns = store.peek('v1/namespaces', undefined, namespace);
  if (!ns) throw notFound('namespaces', '', namespace, 'namespaces');
  if (ns.metadata.deletionTimestamp)
    throw new ApiError(
      403,
      `${type.resource} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      'Forbidden',
      {
        name: namespace,
        kind: 'namespaces',
      },
    );
}

export function admitCreate(store: MemoryStore, type: ResourceType, gvr: string, o: KObject): void {
  for (const k of [
    'uid',
    'resourceVersion',
    'creationTimestamp',
    'deletionTimestamp',
    'generation',
    'selfLink',
  ] as const)
    delete o.metadata[k];
  if (type.subresources?.status && gvr !== 'apiextensions.k8s.io/v1/customresourcedefinitions')
    delete o.status;
  applyDefaults(store, gvr, o);
  if (!o.metadata.name && o.metadata.generateName) {
    validateObject(type, gvr, { ...o, metadata: { ...o.metadata, name: `${o.metadata.generateName}x` } });
  } else validateObject(type, gvr, o);
  validateCustom(store, type, o);
}

/** For an update of the main resource: status comes from the live object; for /status, everything else does. */
export function mergeForSubresource(
  type: ResourceType,
  live: KObject,
  incoming: KObject,
  subresource: string | undefined,
): KObject {
  if (subresource === 'status')
    return {
      ...live,
      status: incoming.status,
      metadata: {
        ...live.metadata,
        resourceVersion: incoming.metadata.resourceVersion ?? live.metadata.resourceVersion,
      },
    };
  if (type.subresources?.status) {
    const out = { ...incoming };
    if (live.status === undefined) delete out.status;
    else out.status = live.status;
    return out;
  }
  return incoming;
}

export function admitUpdate(
  store: MemoryStore,
  type: ResourceType,
  gvr: string,
  live: KObject,
  o: KObject,
): void {
  o.metadata.uid = o.metadata.uid ?? live.metadata.uid;
  if (o.metadata.uid !== live.metadata.uid)
    throw new ApiError(
      409,
      `Precondition failed: UID in precondition: ${o.metadata.uid}, UID in object meta: ${live.metadata.uid}`,
      'Conflict',
    );
  o.metadata.creationTimestamp = live.metadata.creationTimestamp;
  if (live.metadata.deletionTimestamp) o.metadata.deletionTimestamp = live.metadata.deletionTimestamp;
  if (gvr === 'v1/services') {
    const ls = live.spec as Record<string, unknown>;
    const os = (o.spec ?? (o.spec = {})) as Record<string, unknown>;
    if (os.clusterIP === undefined || os.clusterIP === '') os.clusterIP = ls.clusterIP;
    if (os.clusterIPs === undefined) os.clusterIPs = ls.clusterIPs;
  }
  applyDefaults(store, gvr, o);
  if (gvr === 'v1/namespaces') o.status = live.status;
  validateObject(type, gvr, o);
  validateCustom(store, type, o);
}
