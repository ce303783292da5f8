/**
 * OpenAPI for kubectl: /openapi/v2 (an empty protobuf document, so old clients validate nothing
 * client-side) and /openapi/v3 per group-version with PATCH operations (so kubectl uses
 * server-side field validation) and component schemas (so `kubectl explain` works).
 */
import { createHash } from 'node:crypto';
import type { KObject, ResourceType } from '../store/api';
import type { MemoryStore } from '../store/memory';
import { CRD_GVR } from './crd';
import { notFound } from './errors';
import { KIND_DOCS, OBJECT_META } from './openapi-schemas';

type Schema = Record<string, unknown>;

/** A protobuf gnostic Document with only `swagger: "2.0"` set (field 1, length-delimited). */
export function openApiV2Protobuf(): Buffer {
  return Buffer.from([0x0a, 0x03, 0x32, 0x2e, 0x30]);
}

export function openApiV2Json(version: string): Record<string, unknown> {
  return { swagger: '2.0', info: { title: 'Kubernetes', version }, paths: {}, definitions: {} };
}

const gvPath = (t: Pick<ResourceType, 'group' | 'version'>): string =>
  t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`;

export function schemaName(t: ResourceType): string {
  if (!t.group) return `io.k8s.api.core.${t.version}.${t.kind}`;
  if (!t.group.includes('.') || t.group.endsWith('.k8s.io'))
    return `io.k8s.api.${t.group.split('.')[0]}.${t.version}.${t.kind}`;
  return `${t.group.split('.').reverse().join('.')}.${t.version}.${t.kind}`;
}

function crdSchema(store: MemoryStore, t: ResourceType): Schema | undefined {
  for (const { object } of store.scan(CRD_GVR)) {
    const spec = object.spec as {
      group?: string;
      names?: { plural?: string };
      versions?: Array<{ name: string; schema?: { openAPIV3Schema?: Schema } }>;
    };
    if (spec.group === t.group && spec.names?.plural === t.resource)
      return spec.versions?.find((v) => v.name === t.version)?.schema?.openAPIV3Schema;
  }
  return undefined;
}

function kindSchema(store: MemoryStore, t: ResourceType): Schema {
  const gvk = [{ group: t.group, version: t.version, kind: t.kind }];
  const custom = crdSchema(store, t);
  if (custom) return { ...custom, 'x-kubernetes-group-version-kind': gvk };
  const doc = KIND_DOCS[t.kind];
  const props: Record<string, Schema> = {
    apiVersion: {
      type: 'string',
      description: 'APIVersion defines the versioned schema of this representation of an object.',
    },
    kind: {
      type: 'string',
      description: 'Kind is a string value representing the REST resource this object represents.',
    },
    metadata: {
      allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }],
      default: {},
      description: "Standard object's metadata.",
    },
  };
  if (doc?.spec) props.spec = doc.spec;
  else
    props.spec = { type: 'object', description: `Specification of the desired behavior of the ${t.kind}.` };
  if (doc?.status) props.status = doc.status;
  else if (t.subresources?.status)
    props.status = { type: 'object', description: `Most recently observed status of the ${t.kind}.` };
  return {
    description: doc?.description ?? `${t.kind} is a ${t.group || 'core'}/${t.version} resource.`,
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
  const schemas: Record<string, Schema> = { 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': OBJECT_META };
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
