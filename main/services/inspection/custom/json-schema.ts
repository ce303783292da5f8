/**
 * The JSON Schema subset Polaris custom checks use (type, required, properties, items, const, enum, pattern,
 * minimum/maximum, min/maxLength, min/maxItems, not, anyOf, allOf, oneOf, additionalProperties) plus Polaris'
 * resourceMinimum / resourceMaximum for quantities. Returns the path of the first failing field, or null.
 */
import { parseQuantity } from '../../../../shared/nodes/quantity';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = any;

const typeOf = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number' && Number.isInteger(v)
        ? 'integer'
        : typeof v;

function typeMatches(want: string, v: unknown): boolean {
  const t = typeOf(v);
  return want === t || (want === 'number' && t === 'integer');
}

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export interface SchemaFailure {
  path: string;
  reason: string;
}

export function validate(schema: Schema, value: unknown, path = '', depth = 0): SchemaFailure | null {
  if (depth > 64) return { path, reason: 'schema nesting too deep' };
  if (schema === true || schema === undefined || schema === null) return null;
  if (schema === false) return { path, reason: 'not allowed' };
  const fail = (reason: string, at = path) => ({ path: at, reason });
  if (schema.type !== undefined) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(t, value))) return fail(`should be ${types.join(' or ')}`);
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value))
    return fail(`should be ${JSON.stringify(schema.const)}`);
  if (
    Array.isArray(schema.enum) &&
    !schema.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value))
  ) {
    return fail(`should be one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof value === 'string') {
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
      return fail(`should match ${schema.pattern}`);
    if (schema.minLength !== undefined && value.length < schema.minLength)
      return fail(`shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      return fail(`longer than ${schema.maxLength}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return fail(`below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) return fail(`above ${schema.maximum}`);
  }
  if (schema.resourceMinimum !== undefined || schema.resourceMaximum !== undefined) {
    const q = parseQuantity(value);
    if (Number.isNaN(q)) return fail('is not a quantity');
    if (schema.resourceMinimum !== undefined && q < parseQuantity(String(schema.resourceMinimum)))
      return fail(`below ${schema.resourceMinimum}`);
    if (schema.resourceMaximum !== undefined && q > parseQuantity(String(schema.resourceMaximum)))
      return fail(`above ${schema.resourceMaximum}`);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    for (const k of schema.required ?? []) if (!(k in o)) return fail(`${k} is required`, join(path, k));
    for (const [k, sub] of Object.entries(schema.properties ?? {})) {
      if (k in o) {
        const f = validate(sub, o[k], join(path, k), depth + 1);
        if (f) return f;
      }
    }
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
      for (const k of Object.keys(o)) {
        if (schema.properties && k in schema.properties) continue;
        const f = validate(schema.additionalProperties, o[k], join(path, k), depth + 1);
        if (f) return f;
      }
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      return fail(`fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      return fail(`more than ${schema.maxItems} items`);
    if (schema.items !== undefined) {
      for (let i = 0; i < value.length; i++) {
        const f = validate(schema.items, value[i], join(path, i), depth + 1);
        if (f) return f;
      }
    }
  }
  for (const sub of schema.allOf ?? []) {
    const f = validate(sub, value, path, depth + 1);
    if (f) return f;
  }
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s: Schema) => !validate(s, value, path, depth + 1)))
    return fail('matches none of anyOf');
  if (
    Array.isArray(schema.oneOf) &&
    schema.oneOf.filter((s: Schema) => !validate(s, value, path, depth + 1)).length !== 1
  ) {
    return fail('does not match exactly one of oneOf');
  }
  if (schema.not !== undefined && !validate(schema.not, value, path, depth + 1))
    return fail('matches a forbidden schema');
  return null;
}
