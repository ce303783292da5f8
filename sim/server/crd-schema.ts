/**
 * Custom resources checked against their CRD's openAPIV3Schema, as a real API server does: types
 * (with nullable and x-kubernetes-int-or-string), required, enum, minimum/maximum, pattern, lengths and
 * item counts → 422 with one cause per field; unknown fields for `fieldValidation` (strict.ts).
 */
import type { KObject, ResourceType } from '../store/api';
import type { MemoryStore } from '../store/memory';
import { CRD_GVR } from './crd';
import { invalid, type StatusCause } from './errors';

type Schema = Record<string, unknown>;
const isObj = (v: unknown): v is Schema => !!v && typeof v === 'object' && !Array.isArray(v);

/** The openAPIV3Schema of the CRD version that serves `t`, if any. */
export function crdSchema(
  store: MemoryStore,
  t: Pick<ResourceType, 'group' | 'version' | 'resource'>,
): Schema | undefined {
  if (!t.group.includes('.')) return undefined; // core, apps, batch…: never a CRD's group
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

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(s: Schema, v: unknown): boolean {
  const actual = typeOf(v);
  if (actual === 'null') return s.nullable === true;
  if (s['x-kubernetes-int-or-string'] === true) return actual === 'integer' || actual === 'string';
  if (typeof s.type !== 'string') return true;
  if (s.type === 'number') return actual === 'number' || actual === 'integer';
  return s.type === actual;
}

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

function check(s: Schema, v: unknown, path: string, causes: StatusCause[]): void {
  const bad = (message: string, reason = 'FieldValueInvalid'): void => {
    causes.push({ reason, message, field: path });
  };
  if (!typeMatches(s, v)) {
    const actual = typeOf(v);
    const expected = s['x-kubernetes-int-or-string'] === true ? 'integer or string' : String(s.type);
    return bad(
      `Invalid value: "${actual}": ${path} in body must be of type ${expected}: "${actual}"`,
      'FieldValueTypeInvalid',
    );
  }
  if (v === null) return;
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v)))
    bad(
      `Unsupported value: ${show(v)}: supported values: ${s.enum.map(show).join(', ')}`,
      'FieldValueNotSupported',
    );
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum)
      bad(`Invalid value: ${v}: ${path} in body should be greater than or equal to ${s.minimum}`);
    if (typeof s.maximum === 'number' && v > s.maximum)
      bad(`Invalid value: ${v}: ${path} in body should be less than or equal to ${s.maximum}`);
  }
  if (typeof v === 'string') {
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v))
      bad(`Invalid value: ${show(v)}: ${path} in body should match '${s.pattern}'`);
    if (typeof s.maxLength === 'number' && v.length > s.maxLength)
      bad(`Too long: may not be more than ${s.maxLength} bytes`, 'FieldValueTooLong');
    if (typeof s.minLength === 'number' && v.length < s.minLength)
      bad(`Invalid value: ${show(v)}: ${path} in body should be at least ${s.minLength} chars long`);
  }
  if (Array.isArray(v)) {
    if (typeof s.maxItems === 'number' && v.length > s.maxItems)
      bad(`Too many: ${v.length}: must have at most ${s.maxItems} items`, 'FieldValueTooMany');
    if (typeof s.minItems === 'number' && v.length < s.minItems)
      bad(`Invalid value: ${v.length}: ${path} in body should have at least ${s.minItems} items`);
    if (isObj(s.items)) v.forEach((item, i) => check(s.items as Schema, item, `${path}[${i}]`, causes));
  }
  if (isObj(v)) checkObject(s, v, path, causes);
}

function checkObject(s: Schema, v: Schema, path: string, causes: StatusCause[]): void {
  const at = (key: string): string => (path ? `${path}.${key}` : key);
  for (const key of Array.isArray(s.required) ? s.required : [])
    if (typeof key === 'string' && v[key] === undefined)
      causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: at(key) });
  const props = isObj(s.properties) ? s.properties : {};
  for (const [key, child] of Object.entries(v)) {
    if (!path && (key === 'apiVersion' || key === 'kind' || key === 'metadata')) continue;
    const sub = isObj(props[key])
      ? props[key]
      : isObj(s.additionalProperties)
        ? s.additionalProperties
        : undefined;
    if (sub) check(sub, child, at(key), causes);
  }
}

/** Prunes undeclared fields of the custom resource `o`, then throws a real server's 422 if it breaks its CRD's schema. */
export function validateCustom(store: MemoryStore, type: ResourceType, o: KObject): void {
  const schema = crdSchema(store, type);
  if (!schema) return;
  unknownCustomFields(schema, o, '', [], true);
  const causes: StatusCause[] = [];
  checkObject(schema, o as unknown as Schema, '', causes);
  if (causes.length > 0) throw invalid(type.kind, type.group, o.metadata.name ?? '', causes);
}

const META_KEYS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Paths of fields the CRD schema does not declare (honouring x-kubernetes-preserve-unknown-fields and
 * x-kubernetes-embedded-resource); with `prune` they are also removed, as a real server stores them.
 */
export function unknownCustomFields(
  schema: Schema,
  v: unknown,
  path = '',
  out: string[] = [],
  prune = false,
): string[] {
  if (schema['x-kubernetes-preserve-unknown-fields'] === true) return out;
  if (Array.isArray(v) && isObj(schema.items))
    v.forEach((item, i) => unknownCustomFields(schema.items as Schema, item, `${path}[${i}]`, out, prune));
  if (!isObj(v)) return out;
  const props = isObj(schema.properties) ? schema.properties : {};
  const embedded = !path || schema['x-kubernetes-embedded-resource'] === true;
  for (const [key, child] of Object.entries(v)) {
    if ((embedded && META_KEYS.has(key)) || key.startsWith('$')) continue;
    const here = path ? `${path}.${key}` : key;
    const extra = schema.additionalProperties;
    const sub = isObj(props[key]) ? props[key] : isObj(extra) ? extra : undefined;
    if (sub) unknownCustomFields(sub, child, here, out, prune);
    else if (schema.additionalProperties !== true) {
      out.push(here);
      if (prune) delete v[key];
    }
  }
  return out;
}
