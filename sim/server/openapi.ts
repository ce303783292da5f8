/**
 * OpenAPI for kubectl: /openapi/v2 (Swagger 2.0 with the field tables of the common built-in kinds, as
 * JSON or gnostic protobuf: kubectl < 1.27 explains, validates and computes strategic-merge patches from
 * it) and /openapi/v3 per group-version with PATCH operations (so kubectl uses server-side field
 * validation) and component schemas (so `kubectl explain` works).
 */
import { createHash } from 'node:crypto';
import type { KObject, ResourceType } from '../store/api';
import type { MemoryStore } from '../store/memory';
import { crdSchema } from './crd-schema';
import { notFound } from './errors';
import { encodeSwagger } from './openapi-proto';
import { kindDef, schemaName, supportSchemas, typeSchema } from './schema-registry';

export { schemaName };
type Schema = Record<string, unknown>;

const V2_CACHE = new Map<string, { json: Buffer; proto: Buffer }>();

/**
 * The Swagger 2.0 document for these types: only kinds with field tables are published (with their GVK),
 * so kubectl validates and patches those from the schema and falls back to its built-in types otherwise.
 * Every patchable type gets a PATCH path with its GVK and dryRun parameter (kubectl < 1.22 looks there
 * before `--dry-run=server`). Cached by the set of served types.
 */
export function openApiV2(types: ResourceType[], version: string): { json: Buffer; proto: Buffer } {
  const tabled = types.filter((t) => kindDef(t));
  const key = `${version}|${types.map((t) => `${t.group}/${t.version}/${t.resource}`).join(',')}`;
  const hit = V2_CACHE.get(key);
  if (hit) return hit;
  const definitions: Record<string, Schema> = supportSchemas('#/definitions/');
  for (const t of tabled) definitions[schemaName(t)] = typeSchema(t, '#/definitions/');
  const paths: Record<string, unknown> = {};
  for (const t of types.filter((x) => x.verbs.includes('patch'))) {
    const gvk = { group: t.group, version: t.version, kind: t.kind };
    const base = `/${gvPath(t)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.resource}/{name}`;
    paths[base] = {
      patch: {
        operationId: `patch${t.kind}`,
        parameters: PATCH_PARAMS.map((p) => ({
          name: p.name,
          in: 'query',
          type: p.schema.type,
          uniqueItems: true,
        })),
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  const doc = { swagger: '2.0', info: { title: 'Kubernetes', version }, paths, definitions };
  const entry = { json: Buffer.from(JSON.stringify(doc)), proto: encodeSwagger(doc) };
  if (V2_CACHE.size > 32) V2_CACHE.clear();
  V2_CACHE.set(key, entry);
  return entry;
}

const gvPath = (t: Pick<ResourceType, 'group' | 'version'>): string =>
  t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`;

const META_REF = { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' };

function kindSchema(store: MemoryStore, t: ResourceType): Schema {
  const gvk = [{ group: t.group, version: t.version, kind: t.kind }];
  const custom = crdSchema(store, t);
  if (custom) return { ...custom, 'x-kubernetes-group-version-kind': gvk };
  if (kindDef(t)) return typeSchema(t, '#/components/schemas/');
  const props: Record<string, Schema> = {
    apiVersion: {
      type: 'string',
      description: 'APIVersion defines the versioned schema of this representation of an object.',
    },
    kind: {
      type: 'string',
      description: 'Kind is a string value representing the REST resource this object represents.',
    },
    metadata: { allOf: [META_REF], default: {}, description: "Standard object's metadata." },
    spec: { type: 'object', description: `Specification of the desired behavior of the ${t.kind}.` },
  };
  if (t.subresources?.status)
    props.status = { type: 'object', description: `Most recently observed status of the ${t.kind}.` };
  return {
    description: `${t.kind} is a ${t.group || 'core'}/${t.version} resource.`,
    type: 'object',
    properties: props,
    'x-kubernetes-group-version-kind': gvk,
  };
}

const PATCH_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
  name,
  in: 'query',
  schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
}));

function pathsFor(t: ResourceType, ref: string): Record<string, unknown> {
  const gvk = { group: t.group, version: t.version, kind: t.kind };
  const base = `/${gvPath(t)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.resource}`;
  const content = { 'application/json': { schema: { $ref: ref } } };
  const op = (action: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    operationId: `${action}${t.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    responses: { '200': { description: 'OK', content } },
    ...extra,
  });
  const item: Record<string, unknown> = { get: op('get') };
  if (t.verbs.includes('patch')) {
    const schema = { type: 'object' };
    item.patch = op('patch', {
      parameters: PATCH_PARAMS,
      requestBody: {
        content: {
          'application/json-patch+json': { schema },
          'application/merge-patch+json': { schema },
          'application/apply-patch+yaml': { schema },
        },
        required: true,
      },
    });
  }
  if (t.verbs.includes('update'))
    item.put = op('replace', {
      parameters: PATCH_PARAMS.slice(0, 3),
      requestBody: { content, required: true },
    });
  if (t.verbs.includes('delete')) item.delete = op('delete');
  const paths: Record<string, unknown> = { [`${base}/{name}`]: item };
  if (t.verbs.includes('create'))
    paths[base] = {
      post: op('post', { parameters: PATCH_PARAMS.slice(0, 3), requestBody: { content, required: true } }),
    };
  return paths;
}

export function openApiV3Doc(store: MemoryStore, path: string, version: string): Record<string, unknown> {
  const types = store.types().filter((t) => gvPath(t) === path);
  if (types.length === 0) throw notFound('', '', path);
  const schemas: Record<string, Schema> = supportSchemas('#/components/schemas/');
  let paths: Record<string, unknown> = {};
  for (const t of types) {
    const name = schemaName(t);
    schemas[name] = kindSchema(store, t);
    paths = { ...paths, ...pathsFor(t, `#/components/schemas/${name}`) };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version }, paths, components: { schemas } };
}

export function openApiV3Index(store: MemoryStore, version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const p of new Set(store.types().map(gvPath))) {
    const hash = createHash('sha512')
      .update(JSON.stringify(openApiV3Doc(store, p, version)))
      .digest('hex')
      .toUpperCase();
    paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hash}` };
  }
  return { paths };
}

export type { KObject };
