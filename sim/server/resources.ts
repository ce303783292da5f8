/** The REST verbs on one resource type: get, list, create, update, patch, delete, deletecollection. */
import { StoreGoneError, type KObject, type ResourceType } from '../store/api';
import { CRD_GVR, crdWritten } from './crd';
import {
  admitCreate,
  admitUpdate,
  apiVersionOf,
  checkBody,
  checkNamespace,
  mergeForSubresource,
  requireLiveNamespace,
} from './admission';
import { serverSideApply } from './apply';
import { ApiError, badRequest, conflict, notFound } from './errors';
import { recordUpdate } from './fields';
import { deleteObject, finishFinalized, type Propagation } from './gc';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './patch';
import { fieldManagerOf, isDryRun, type RequestInfo } from './runtime';
import { fromScale, toScale } from './scale';
import { columnsFor, toTable, type IncludeObject } from './table';

export interface Reply {
  code: number;
  body: unknown;
}

const typeName = (t: ResourceType): string => t.resource;

function live(info: RequestInfo, type: ResourceType): KObject {
  const obj = info.rt.store.get(info.gvr, info.namespace, info.name ?? '');
  if (!obj) throw notFound(typeName(type), type.group, info.name ?? '', type.resource);
  return obj;
}

export function getObject(
  info: RequestInfo,
  type: ResourceType,
  accept: string | undefined,
  table: boolean,
): Reply {
  const obj = live(info, type);
  if (info.subresource === 'scale') return { code: 200, body: toScale(type, obj) };
  if (table)
    return {
      code: 200,
      body: toTable(columnsFor(info.rt.store, info.gvr, type), [obj], includeOf(info.query), {
        resourceVersion: obj.metadata.resourceVersion,
      }),
    };
  void accept;
  return { code: 200, body: obj };
}

export const includeOf = (q: URLSearchParams): IncludeObject => {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
};

interface ContinueToken {
  rv: number;
  start: string;
}

function decodeContinue(token: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { rv?: number; start?: string };
    if (typeof t.rv !== 'number' || typeof t.start !== 'string') throw new Error('shape');
    return { rv: t.rv, start: t.start };
  } catch {
    throw badRequest(`continue key is not valid: ${JSON.stringify(token)}`);
  }
}

const encodeContinue = (rv: number, start: string): string =>
  Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start })).toString('base64');

export function listObjects(info: RequestInfo, type: ResourceType, table: boolean): Reply {
  const { store } = info.rt;
  const q = info.query;
  const limit = Math.max(0, Number(q.get('limit') ?? 0) || 0);
  let after: string | undefined;
  let rv = store.currentResourceVersion();
  const cont = q.get('continue');
  if (cont) {
    const t = decodeContinue(cont);
    try {
      store.eventsSince(t.rv);
    } catch (e) {
      if (e instanceof StoreGoneError)
        throw new ApiError(
          410,
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
          'Expired',
        );
      throw e;
    }
    after = t.start;
    rv = t.rv;
  }
  const items: KObject[] = [];
  let lastKey = '';
  let more = false;
  let remaining = 0;
  for (const { key, object } of store.scan(info.gvr, {
    namespace: info.namespace,
    labelSelector: q.get('labelSelector') ?? undefined,
    fieldSelector: q.get('fieldSelector') ?? undefined,
    after,
  })) {
    if (limit > 0 && items.length >= limit) {
      more = true;
      remaining++;
      continue;
    }
    items.push(object);
    lastKey = key;
  }
  const meta: Record<string, unknown> = { resourceVersion: String(rv) };
  if (more) {
    meta.continue = encodeContinue(rv, lastKey);
    meta.remainingItemCount = remaining;
  }
  if (table)
    return { code: 200, body: toTable(columnsFor(store, info.gvr, type), items, includeOf(q), meta) };
  return {
    code: 200,
    body: {
      kind: type.listKind ?? `${type.kind}List`,
      apiVersion: apiVersionOf(type),
      metadata: meta,
      items,
    },
  };
}

function afterWrite(info: RequestInfo, before: KObject | undefined, after: KObject): KObject {
  if (info.gvr === CRD_GVR) {
    crdWritten(info.rt.store, after, before);
    return info.rt.store.get(CRD_GVR, undefined, after.metadata.name ?? '') ?? after;
  }
  return finishFinalized(info.rt.store, info.gvr, after) ?? after;
}

export function createObject(info: RequestInfo, type: ResourceType, body: unknown): Reply {
  if (info.subresource)
    throw new ApiError(
      405,
      `the server does not allow this method on the requested resource`,
      'MethodNotAllowed',
    );
  const o = checkBody(type, body);
  checkNamespace(type, o, info.namespace);
  requireLiveNamespace(info.rt.store, type, o.metadata.namespace);
  admitCreate(info.rt.store, type, info.gvr, o);
  const name = o.metadata.name ?? '';
  if (name && info.rt.store.peek(info.gvr, o.metadata.namespace, name)) throw alreadyExistsFor(type, name);
  recordUpdate(undefined, o, fieldManagerOf(info));
  if (isDryRun(info.query)) return { code: 201, body: dryRunStamp(o) };
  const created = info.rt.store.create(info.gvr, o);
  return { code: 201, body: afterWrite(info, undefined, created) };
}

const alreadyExistsFor = (type: ResourceType, name: string): ApiError =>
  new ApiError(
    409,
    `${type.group ? `${type.resource}.${type.group}` : type.resource} "${name}" already exists`,
    'AlreadyExists',
    { name, group: type.group, kind: type.resource },
  );

function dryRunStamp(o: KObject): KObject {
  const out = structuredClone(o);
  out.metadata.uid = out.metadata.uid ?? '00000000-0000-0000-0000-000000000000';
  out.metadata.creationTimestamp =
    out.metadata.creationTimestamp ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  if (!out.metadata.name && out.metadata.generateName)
    out.metadata.name = `${out.metadata.generateName}dryrun`;
  return out;
}

/** Shared by PUT and PATCH: stores `incoming` over `current`. */
function storeUpdate(
  info: RequestInfo,
  type: ResourceType,
  current: KObject,
  incoming: KObject,
  manager: string | null,
): Reply {
  const name = info.name ?? '';
  if (incoming.metadata.name && incoming.metadata.name !== name)
    throw badRequest(
      `the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`,
    );
  incoming.metadata.name = name;
  checkNamespace(type, incoming, info.namespace);
  const merged = mergeForSubresource(type, current, incoming, info.subresource);
  admitUpdate(info.rt.store, type, info.gvr, current, merged);
  if (manager !== null) recordUpdate(current, merged, manager, info.subresource);
  if (isDryRun(info.query)) return { code: 200, body: merged };
  const sent = merged.metadata.resourceVersion;
  if (sent && sent !== current.metadata.resourceVersion)
    throw conflict(
      type.resource,
      type.group,
      name,
      'the object has been modified; please apply your changes to the latest version and try again',
    );
  const updated = info.rt.store.update(info.gvr, merged);
  return { code: 200, body: afterWrite(info, current, updated) };
}

export function updateObject(info: RequestInfo, type: ResourceType, body: unknown): Reply {
  const current = live(info, type);
  if (info.subresource === 'scale') {
    const scale = checkBody(type, body, 'scale');
    return { code: 200, body: toScale(type, storeScale(info, type, current, scale)) };
  }
  const o = checkBody(type, body);
  return storeUpdate(info, type, current, o, fieldManagerOf(info));
}

function storeScale(info: RequestInfo, type: ResourceType, current: KObject, scale: KObject): KObject {
  const rv = scale.metadata?.resourceVersion;
  if (rv && rv !== current.metadata.resourceVersion)
    throw conflict(
      type.resource,
      type.group,
      info.name ?? '',
      'the object has been modified; please apply your changes to the latest version and try again',
    );
  const next = fromScale(current, scale);
  next.metadata.resourceVersion = current.metadata.resourceVersion;
  const scaleInfo = { ...info, subresource: undefined };
  const reply = storeUpdate(scaleInfo, type, current, next, fieldManagerOf(info));
  return reply.body as KObject;
}

export function patchObject(
  info: RequestInfo,
  type: ResourceType,
  contentType: string,
  patch: unknown,
): Reply {
  const ct = contentType.split(';')[0].trim().toLowerCase();
  const store = info.rt.store;
  if (ct === 'application/apply-patch+yaml' || ct === 'application/apply-patch+cbor')
    return applyObject(info, type, patch);
  const current = live(info, type);
  const base: unknown =
    info.subresource === 'scale'
      ? toScale(type, current)
      : info.convert
        ? info.convert.out(current)
        : current;
  let next: unknown;
  if (ct === 'application/json-patch+json') next = applyJsonPatch(base, patch);
  else if (ct === 'application/merge-patch+json') next = applyMergePatch(base, patch);
  else if (ct === 'application/strategic-merge-patch+json') {
    if (!type.group || !type.group.includes('.') || type.group.endsWith('.k8s.io'))
      next = applyStrategicMergePatch(base, patch);
    else
      throw new ApiError(
        415,
        `strategic merge patch is not supported for ${type.kind}.${type.group}: use merge patch`,
        'UnsupportedMediaType',
      );
  } else
    throw new ApiError(
      415,
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
      'UnsupportedMediaType',
    );
  if (!next || typeof next !== 'object' || Array.isArray(next))
    throw badRequest('the patch produced something that is not an object');
  if (info.subresource === 'scale')
    return { code: 200, body: toScale(type, storeScale(info, type, current, next as KObject)) };
  const o = info.convert ? info.convert.in(next as KObject) : (next as KObject);
  if (o.metadata?.resourceVersion === current.metadata.resourceVersion) delete o.metadata.resourceVersion;
  const sentRv = (patch as { metadata?: { resourceVersion?: string } })?.metadata?.resourceVersion;
  if (typeof sentRv === 'string') o.metadata.resourceVersion = sentRv;
  void store;
  return storeUpdate(info, type, current, checkBody(type, o), fieldManagerOf(info));
}

function applyObject(info: RequestInfo, type: ResourceType, config: unknown): Reply {
  const manager = info.query.get('fieldManager');
  if (!manager) throw badRequest('PATCH, application/apply-patch+yaml requires fieldManager to be set');
  const cfg = checkBody(type, config);
  const force = info.query.get('force') === 'true';
  const store = info.rt.store;
  const current = store.get(info.gvr, info.namespace, info.name ?? '');
  if (cfg.metadata.name && cfg.metadata.name !== info.name)
    throw badRequest(
      `the name of the object (${cfg.metadata.name}) does not match the name on the URL (${info.name ?? ''})`,
    );
  const merged = serverSideApply(current, cfg, manager, force, info.subresource);
  merged.metadata.name = info.name;
  if (!current) {
    checkNamespace(type, merged, info.namespace);
    requireLiveNamespace(store, type, merged.metadata.namespace);
    const managed = merged.metadata.managedFields;
    admitCreate(store, type, info.gvr, merged);
    merged.metadata.managedFields = managed;
    if (isDryRun(info.query)) return { code: 201, body: dryRunStamp(merged) };
    const created = store.create(info.gvr, merged);
    return { code: 201, body: afterWrite(info, undefined, created) };
  }
  merged.metadata.resourceVersion = current.metadata.resourceVersion;
  if (cfg.metadata.resourceVersion) merged.metadata.resourceVersion = cfg.metadata.resourceVersion;
  return storeUpdate(info, type, current, merged, null);
}

export function parseDeleteOptions(
  info: RequestInfo,
  body: unknown,
): {
  propagationPolicy?: Propagation;
  preconditions?: { uid?: string; resourceVersion?: string };
  gracePeriodSeconds?: number;
  gracefulPods: boolean;
} {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  let policy =
    (b.propagationPolicy as string | undefined) ?? info.query.get('propagationPolicy') ?? undefined;
  if (b.orphanDependents === true || info.query.get('orphanDependents') === 'true') policy = 'Orphan';
  if (policy !== undefined && policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan')
    throw badRequest(
      `propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`,
    );
  const grace = b.gracePeriodSeconds ?? info.query.get('gracePeriodSeconds') ?? undefined;
  return {
    propagationPolicy: policy as Propagation | undefined,
    preconditions: b.preconditions as { uid?: string; resourceVersion?: string } | undefined,
    gracePeriodSeconds: grace === undefined ? undefined : Number(grace),
    gracefulPods: info.rt.gracefulPods,
  };
}

export function deleteOne(info: RequestInfo, type: ResourceType, body: unknown): Reply {
  if (info.subresource)
    throw new ApiError(
      405,
      'the server does not allow this method on the requested resource',
      'MethodNotAllowed',
    );
  const opts = parseDeleteOptions(info, body);
  const out = deleteObject(info.rt.store, info.gvr, info.namespace, info.name ?? '', {
    ...opts,
    dryRun: isDryRun(info.query),
  });
  void type;
  return { code: 200, body: out };
}

export function deleteCollection(info: RequestInfo, type: ResourceType, body: unknown): Reply {
  const opts = parseDeleteOptions(info, body);
  const victims = info.rt.store.list(info.gvr, {
    namespace: info.namespace,
    labelSelector: info.query.get('labelSelector') ?? undefined,
    fieldSelector: info.query.get('fieldSelector') ?? undefined,
  });
  const items: KObject[] = [];
  for (const v of victims) {
    try {
      items.push(
        deleteObject(info.rt.store, info.gvr, v.metadata.namespace, v.metadata.name ?? '', {
          ...opts,
          dryRun: isDryRun(info.query),
        }),
      );
    } catch (e) {
      if ((e as { code?: number }).code !== 404) throw e;
    }
  }
  return {
    code: 200,
    body: {
      kind: type.listKind ?? `${type.kind}List`,
      apiVersion: apiVersionOf(type),
      metadata: { resourceVersion: String(info.rt.store.currentResourceVersion()) },
      items,
    },
  };
}
