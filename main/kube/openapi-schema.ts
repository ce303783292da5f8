/**
 * Kubernetes OpenAPI (Swagger 2.0 `definitions` or OpenAPI 3 `components.schemas`) to a JSON Schema
 * (draft-07) for one group/version/kind, for the YAML editor's validation and completion. Pure code.
 *
 * Only what the kind needs is kept: its definition plus every definition it references, with refs
 * rewritten to `#/definitions/<name>`. Kubernetes extensions become plain JSON Schema:
 *  - objects with declared properties reject unknown fields (`additionalProperties: false`) unless
 *    they say `x-kubernetes-preserve-unknown-fields`;
 *  - int-or-string (`format: int-or-string`, `x-kubernetes-int-or-string`) accepts an integer or a string;
 *  - `nullable` (OpenAPI 3) adds "null" to the type;
 *  - the kind's own apiVersion and kind are the only values allowed at the top, and required.
 *
 *   const schema = kindJsonSchema(await kubeRequest(kc, '/openapi/v2'), { group: 'apps', version: 'v1', kind: 'Deployment' });
 */

export type JsonSchema = Record<string, unknown>;

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** The schemas of an OpenAPI document and the prefix its `$ref`s use, or undefined for anything else. */
export function schemasOf(doc: unknown): { schemas: Record<string, JsonSchema>; prefix: string } | undefined {
  if (!isObject(doc)) return undefined;
  if (isObject(doc.definitions)) {
    return { schemas: doc.definitions as Record<string, JsonSchema>, prefix: '#/definitions/' };
  }
  const components = doc.components;
  if (isObject(components) && isObject(components.schemas)) {
    return { schemas: components.schemas as Record<string, JsonSchema>, prefix: '#/components/schemas/' };
  }
  return undefined;
}

/** The apiVersion of a group/version ("v1" for the core group). */
export const apiVersionOf = (gvk: Pick<Gvk, 'group' | 'version'>): string =>
  gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;

/** The name of the schema that declares this group/version/kind (`x-kubernetes-group-version-kind`). */
export function findKind(schemas: Record<string, JsonSchema>, gvk: Gvk): string | undefined {
  for (const [name, schema] of Object.entries(schemas)) {
    const list = schema['x-kubernetes-group-version-kind'];
    if (!Array.isArray(list)) continue;
    const hit = list.some(
      (g) => isObject(g) && (g.group ?? '') === gvk.group && g.version === gvk.version && g.kind === gvk.kind,
    );
    if (hit) return name;
  }
  return undefined;
}

/**
 * The JSON Schema for objects of this kind, or undefined when the document does not describe it.
 * Throws only for a document that is not OpenAPI at all.
 */
export function kindJsonSchema(doc: unknown, gvk: Gvk): JsonSchema | undefined {
  const found = schemasOf(doc);
  if (!found)
    throw new Error('not an OpenAPI document: it has neither "definitions" nor "components.schemas"');
  const rootName = findKind(found.schemas, gvk);
  if (!rootName) return undefined;

  const wanted = [rootName];
  const seen = new Set(wanted);
  const refName = (ref: string): string | undefined =>
    ref.startsWith(found.prefix) ? decodeURIComponent(ref.slice(found.prefix.length)) : undefined;
  const onRef = (name: string) => {
    if (!seen.has(name) && found.schemas[name]) {
      seen.add(name);
      wanted.push(name);
    }
  };
  const converted: Record<string, JsonSchema> = {};
  const referenced = new Set<string>();
  for (let i = 0; i < wanted.length; i++) {
    const name = wanted[i]!;
    converted[name] = convert(found.schemas[name]!, (ref) => {
      const target = refName(ref);
      if (target === undefined || !found.schemas[target]) return undefined;
      referenced.add(target);
      onRef(target);
      return `#/definitions/${target}`;
    });
  }

  const root = converted[rootName]!;
  const apiVersion = apiVersionOf(gvk);
  const props = { ...(isObject(root.properties) ? (root.properties as Record<string, JsonSchema>) : {}) };
  props.apiVersion = { ...(props.apiVersion ?? { type: 'string' }), enum: [apiVersion] };
  props.kind = { ...(props.kind ?? { type: 'string' }), enum: [gvk.kind] };
  const required = Array.isArray(root.required) ? (root.required as string[]) : [];
  const definitions: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(converted)) {
    if (name !== rootName || referenced.has(rootName)) definitions[name] = schema;
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${gvk.kind} (${apiVersion})`,
    ...root,
    properties: props,
    required: [...new Set(['apiVersion', 'kind', ...required])],
    ...(Object.keys(definitions).length ? { definitions } : {}),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose values are maps of schemas, lists of schemas, or one schema. */
const MAP_KEYS = new Set(['properties', 'patternProperties', 'definitions']);
const LIST_KEYS = new Set(['allOf', 'anyOf', 'oneOf']);
const ONE_KEYS = new Set(['items', 'additionalProperties', 'not', 'additionalItems']);

/** One schema node, converted; `ref` rewrites a $ref (undefined drops it: the target is unknown). */
function convert(node: JsonSchema, ref: (r: string) => string | undefined): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') {
      const target = ref(value);
      if (target) out.$ref = target;
    } else if (MAP_KEYS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, isObject(v) ? convert(v, ref) : v]),
      );
    } else if (LIST_KEYS.has(key) && Array.isArray(value)) {
      out[key] = value.map((v) => (isObject(v) ? convert(v, ref) : v));
    } else if (ONE_KEYS.has(key) && isObject(value)) {
      out[key] = convert(value, ref);
    } else {
      out[key] = value;
    }
  }

  // OpenAPI 3 wraps a described reference as allOf: [{$ref}]; a lone $ref reads better for hover.
  const allOf = out.allOf;
  if (
    Array.isArray(allOf) &&
    allOf.length === 1 &&
    isObject(allOf[0]) &&
    Object.keys(allOf[0]).length === 1
  ) {
    const only = allOf[0] as JsonSchema;
    if (typeof only.$ref === 'string' && out.$ref === undefined) {
      delete out.allOf;
      out.$ref = only.$ref;
    }
  }

  const intOrString = node['x-kubernetes-int-or-string'] === true || node.format === 'int-or-string';
  if (intOrString) {
    delete out.format;
    if (!out.oneOf && !out.anyOf) {
      delete out.type;
      out.anyOf = [{ type: 'integer' }, { type: 'string' }];
    }
  }
  if (node.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];

  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (isObject(out.properties) && out.additionalProperties === undefined && !preserve) {
    out.additionalProperties = false;
  }
  return out;
}
