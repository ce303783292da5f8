/** One API request, start to finish: faults, authentication, routing, authorization, the verb. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gvrOf, type KObject, type ResourceType } from '../store/api';
import { authenticate, impersonate } from './auth';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery';
import { aggregatedContentType, aggregatedDiscovery, wantsAggregated } from './discovery-aggregated';
import { ApiError, forbidden, qualified } from './errors';
import { delay, injectedError } from './faults';
import { parseBody, readBody, sendError, sendJson } from './http-util';
import { streamLogs } from './logs';
import { openApiV2, openApiV3Doc, openApiV3Index } from './openapi';
import { authorize, type Identity } from './rbac';
import {
  createObject,
  deleteCollection,
  deleteOne,
  getObject,
  listObjects,
  patchObject,
  updateObject,
  type Reply,
} from './resources';
import { review } from './reviews';
import { parseRoute } from './route';
import type { ClusterRuntime, RequestInfo } from './runtime';
import { wantsTable } from './table';
import { aliasFor, convertReply } from './versions';
import { crdSchema } from './crd-schema';
import { checkFields, fieldValidation } from './strict';
import { startWatch } from './watch';

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

export function versionInfo(rt: ClusterRuntime): Record<string, unknown> {
  const m = /^v?(\d+)\.(\d+)/.exec(rt.kubernetesVersion);
  return {
    major: m?.[1] ?? '1',
    minor: m?.[2] ?? '29',
    gitVersion: rt.kubernetesVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-04-16T00:00:00Z',
    goVersion: 'go1.22.2',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

function findType(
  rt: ClusterRuntime,
  group: string,
  version: string,
  resource: string,
): ResourceType | undefined {
  return rt.store.typeOf(gvrOf({ group, version, resource }));
}

const REVIEWS = new Set([
  'selfsubjectaccessreviews',
  'selfsubjectrulesreviews',
  'subjectaccessreviews',
  'selfsubjectreviews',
  'tokenreviews',
]);

export async function handleRequest(
  rt: ClusterRuntime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    if (rt.faults.latencyMs > 0) await delay(rt.faults.latencyMs);
    const url = new URL(req.url ?? '/', 'https://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (
      HEALTH.has(path) ||
      path.startsWith('/livez/') ||
      path.startsWith('/readyz/') ||
      path.startsWith('/healthz/')
    ) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('ok');
    }
    const caller = authenticate(req, rt.tokens);
    const id = impersonate(
      req,
      caller,
      (resource, name, namespace) =>
        authorize(rt.store, caller, { verb: 'impersonate', group: '', resource, name, namespace }).allowed,
    );
    const fault = injectedError(rt.faults);
    if (fault) throw fault;
    if (path === '/version') return sendJson(res, 200, versionInfo(rt));
    if (path === '/openapi/v2' || path === '/swagger-2.0.0.pb-v1') {
      // client-go asks for gnostic protobuf (and has no JSON fallback); browsers and curl get JSON.
      const doc = openApiV2(rt.store.types(), rt.kubernetesVersion);
      const proto = (req.headers.accept ?? '').includes('protobuf') || path !== '/openapi/v2';
      const body = proto ? doc.proto : doc.json;
      res.writeHead(200, {
        'Content-Type': proto
          ? 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'
          : 'application/json',
        'Content-Length': body.length,
        Vary: 'Accept',
      });
      return void res.end(body);
    }
    if (path === '/openapi/v3') return sendJson(res, 200, openApiV3Index(rt.store, rt.kubernetesVersion));
    if (path.startsWith('/openapi/v3/'))
      return sendJson(
        res,
        200,
        openApiV3Doc(rt.store, path.slice('/openapi/v3/'.length), rt.kubernetesVersion),
      );
    const route = parseRoute(path);
    if (route.kind === 'discovery') {
      requireNonResource(rt, id, path);
      const types = rt.store.types();
      const aggregated = !route.version && !route.group ? wantsAggregated(req.headers.accept) : undefined;
      if (aggregated)
        return sendJson(res, 200, aggregatedDiscovery(types, route.legacy, aggregated), {
          'Content-Type': aggregatedContentType(aggregated),
          Vary: 'Accept',
        });
      if (route.legacy && !route.version) return sendJson(res, 200, apiVersions(`127.0.0.1:${rt.port}`));
      if (!route.legacy && !route.group) return sendJson(res, 200, apiGroupList(types));
      if (!route.version) return sendJson(res, 200, apiGroup(types, route.group ?? ''));
      return sendJson(res, 200, apiResourceList(types, route.group ?? '', route.version));
    }
    if (route.kind !== 'resource')
      throw new ApiError(404, 'the server could not find the requested resource', 'NotFound');
    const requested = findType(rt, route.group, route.version, route.resource);
    const alias = requested ? aliasFor(gvrOf(requested)) : undefined;
    const type = alias ? rt.store.typeOf(alias.storage) : requested;
    if (!type) throw new ApiError(404, 'the server could not find the requested resource', 'NotFound');
    const info: RequestInfo = {
      rt,
      gvr: gvrOf(type),
      namespace: type.namespaced ? route.namespace : undefined,
      name: route.name,
      subresource: route.subresource,
      query: url.searchParams,
      user: id.user,
      userAgent: String(req.headers['user-agent'] ?? ''),
      convert: alias?.convert,
    };
    if (route.namespace !== undefined && !type.namespaced)
      throw new ApiError(404, 'the server could not find the requested resource', 'NotFound');
    await serveResource(info, type, id, req, res, route.watchPath);
  } catch (err) {
    sendError(res, err);
  }
}

function requireNonResource(rt: ClusterRuntime, id: Identity, path: string): void {
  if (!authorize(rt.store, id, { verb: 'get', path }).allowed)
    throw new ApiError(403, `forbidden: User "${id.user}" cannot get path "${path}"`, 'Forbidden');
}

function verbOf(method: string, info: RequestInfo, watchPath: boolean): string {
  const w = info.query.get('watch');
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watchPath || w === 'true' || w === '1') return 'watch';
      return info.name ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return info.name ? 'delete' : 'deletecollection';
    default:
      throw new ApiError(
        405,
        `the server does not allow this method on the requested resource`,
        'MethodNotAllowed',
      );
  }
}

async function serveResource(
  info: RequestInfo,
  type: ResourceType,
  id: Identity,
  req: IncomingMessage,
  res: ServerResponse,
  watchPath: boolean,
): Promise<void> {
  const verb = verbOf(req.method ?? 'GET', info, watchPath);
  const attrs = {
    verb,
    group: type.group,
    resource: type.resource,
    subresource: info.subresource,
    name: info.name,
    namespace: info.namespace,
  };
  const decision = authorize(info.rt.store, id, attrs);
  if (!decision.allowed) {
    const scope = info.namespace ? `in the namespace "${info.namespace}"` : 'at the cluster scope';
    throw forbidden(
      id.user,
      verb,
      info.subresource ? `${type.resource}/${info.subresource}` : type.resource,
      type.group,
      scope,
      info.name,
    );
  }
  const allowed =
    verb === 'watch'
      ? type.verbs.includes('watch') || type.verbs.includes('list')
      : type.verbs.includes(verb);
  if (!allowed && !(info.subresource && ['get', 'update', 'patch'].includes(verb))) {
    throw new ApiError(
      405,
      `the server does not allow this method on the requested resource (${verb} ${qualified(type.resource, type.group)})`,
      'MethodNotAllowed',
    );
  }
  if (info.subresource && !['status', 'scale', 'log'].includes(info.subresource))
    throw new ApiError(404, 'the server could not find the requested resource', 'NotFound');
  if (info.subresource === 'log') {
    if (type.resource !== 'pods' || type.group !== '' || verb !== 'get')
      throw new ApiError(404, 'the server could not find the requested resource', 'NotFound');
    return streamLogs(info, req, res);
  }
  const table = wantsTable(req.headers.accept);
  if (verb === 'watch') return startWatch(info, type, req, res, table);
  let reply: Reply;
  if (verb === 'get') reply = getObject(info, type, req.headers.accept, table);
  else if (verb === 'list') reply = listObjects(info, type, table);
  else {
    const raw = await readBody(req);
    const ct = req.headers['content-type'];
    let body = raw.length > 0 ? parseBody(raw, ct) : undefined;
    const whole =
      verb === 'create' || verb === 'update' || (verb === 'patch' && (ct ?? '').includes('apply-patch'));
    const jsonPatch = (ct ?? '').includes('json-patch');
    if (!info.subresource && !jsonPatch && verb !== 'delete' && verb !== 'deletecollection') {
      const warnings = checkFields(
        type,
        body,
        fieldValidation(info.query),
        (ct ?? '').includes('apply-patch'),
        crdSchema(info.rt.store, type),
      );
      if (warnings.length > 0) res.setHeader('Warning', warnings);
    }
    if (
      info.convert &&
      whole &&
      info.subresource !== 'scale' &&
      body &&
      typeof body === 'object' &&
      !Array.isArray(body)
    )
      body = info.convert.in(body as KObject);
    if (
      (verb === 'create' && type.group.startsWith('authori')) ||
      (verb === 'create' && REVIEWS.has(type.resource))
    ) {
      reply = { code: 201, body: review(info.rt.store, id, type.resource, body) };
    } else if (verb === 'create') reply = createObject(info, type, body);
    else if (verb === 'update') reply = updateObject(info, type, body);
    else if (verb === 'patch')
      reply = patchObject(info, type, ct ?? 'application/strategic-merge-patch+json', body);
    else if (verb === 'delete') reply = deleteOne(info, type, body);
    else reply = deleteCollection(info, type, body);
  }
  if (info.convert) reply = { ...reply, body: convertReply(reply.body, info.convert, type.kind) };
  sendJson(res, reply.code, reply.body);
}
