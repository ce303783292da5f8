/**
 * A compact notation for OpenAPI definitions of built-in kinds, expanded into Swagger 2.0 schemas.
 * A field is `[type, description, patch?]`: type is `string`, `integer`, `boolean`, `number`, `date`,
 * `intstr`, `map` (string to string), `object` (free-form), `any`, a definition (`core.Container`) or
 * `[]` + any of these; patch is the merge key of a strategic-merge list (`name`, `name;merge,retainKeys`, or `;retainKeys` without a key).
 */

export type Schema = Record<string, unknown>;
export type Field = readonly [type: string, description: string, patch?: string];
export interface Def {
  description: string;
  fields?: Record<string, Field>;
  /** Fields a valid object must have (`kubectl explain` marks them -required-). */
  required?: string[];
  /** Group/version/kind for top-level kinds: `x-kubernetes-group-version-kind`. */
  gvk?: { group: string; version: string; kind: string };
}

const PREFIX: Record<string, string> = {
  core: 'io.k8s.api.core.v1',
  apps: 'io.k8s.api.apps.v1',
  batch: 'io.k8s.api.batch.v1',
  meta: 'io.k8s.apimachinery.pkg.apis.meta.v1',
};

/** `core.Container` → `io.k8s.api.core.v1.Container`. */
export function defName(short: string): string {
  const dot = short.indexOf('.');
  const prefix = PREFIX[short.slice(0, dot)];
  if (!prefix) throw new Error(`schema-dsl: unknown definition prefix in "${short}"`);
  return `${prefix}.${short.slice(dot + 1)}`;
}

function typeSchema(type: string, refBase: string): Schema {
  if (type.startsWith('[]')) return { type: 'array', items: typeSchema(type.slice(2), refBase) };
  switch (type) {
    case 'string':
    case 'integer':
    case 'boolean':
    case 'number':
      return type === 'integer' ? { type, format: 'int32' } : { type };
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'intstr':
      return { type: 'string', format: 'int-or-string' };
    case 'map':
      return { type: 'object', additionalProperties: { type: 'string' } };
    case 'object':
      return { type: 'object' };
    case 'any':
      return {};
    default:
      return { $ref: `${refBase}${defName(type)}` };
  }
}

function fieldSchema([type, description, patch]: Field, refBase: string): Schema {
  const out: Schema = { description, ...typeSchema(type, refBase) };
  if (patch) {
    const [key, strategy] = patch.split(';');
    if (key) out['x-kubernetes-patch-merge-key'] = key;
    out['x-kubernetes-patch-strategy'] = strategy ?? 'merge';
  }
  return out;
}

/** The schema of one definition; refs point at `refBase` + full name (`#/definitions/` for Swagger 2.0). */
export function expandDef(def: Def, refBase: string): Schema {
  const out: Schema = { description: def.description, type: 'object' };
  if (def.fields) {
    const properties: Record<string, Schema> = {};
    for (const [name, field] of Object.entries(def.fields)) properties[name] = fieldSchema(field, refBase);
    out.properties = properties;
  }
  if (def.required) out.required = def.required;
  if (def.gvk) out['x-kubernetes-group-version-kind'] = [def.gvk];
  return out;
}

/** The standard top-level fields of a kind; `more` adds spec/status or kind-specific fields. */
export function kindFields(more: Record<string, Field>): Record<string, Field> {
  return {
    apiVersion: [
      'string',
      'APIVersion defines the versioned schema of this representation of an object. Servers convert recognized schemas to the latest internal value.',
    ],
    kind: [
      'string',
      'Kind is a string value representing the REST resource this object represents, in CamelCase.',
    ],
    metadata: ['meta.ObjectMeta', "Standard object's metadata."],
    ...more,
  };
}
