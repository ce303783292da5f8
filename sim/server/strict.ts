/**
 * Server-side field validation (`fieldValidation=Strict|Warn|Ignore`): unknown fields in request bodies of
 * the kinds that have field tables (schema-kinds.ts) and of custom resources (their CRD's schema).
 */
import type { ResourceType } from '../store/api';
import { unknownCustomFields } from './crd-schema';
import { ApiError } from './errors';
import { defName, type Def } from './schema-dsl';
import { kindDef, supportDef } from './schema-registry';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

const SCALARS = new Set(['string', 'integer', 'boolean', 'number', 'date', 'intstr', 'map', 'object', 'any']);

function walk(def: Def, value: unknown, path: string, out: string[]): void {
  if (!def.fields || !isObj(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('$')) continue; // strategic-merge directives ($patch, $setElementOrder/…, $retainKeys)
    const here = path ? `${path}.${key}` : key;
    const field = def.fields[key];
    if (!field) {
      out.push(here);
      continue;
    }
    const list = field[0].startsWith('[]');
    const type = list ? field[0].slice(2) : field[0];
    if (SCALARS.has(type)) continue;
    const sub = supportDef(defName(type));
    if (!sub) continue;
    if (list && Array.isArray(child)) child.forEach((item, i) => walk(sub, item, `${here}[${i}]`, out));
    else if (!list) walk(sub, child, here, out);
  }
}

/** Paths of the fields in `body` that `type`'s schema does not declare (empty when it has no table). */
export function unknownFields(
  type: Pick<ResourceType, 'group' | 'version' | 'kind'>,
  body: unknown,
  customSchema?: Record<string, unknown>,
): string[] {
  if (customSchema) return unknownCustomFields(customSchema, body);
  const def = kindDef(type);
  const out: string[] = [];
  if (def) walk(def, body, '', out);
  return out;
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** The `fieldValidation` query parameter (default Warn, as a real API server); 400 for anything else. */
export function fieldValidation(query: URLSearchParams): FieldValidation {
  const v = query.get('fieldValidation') ?? 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  throw new ApiError(
    400,
    `fieldValidation must be one of "Ignore", "Warn", or "Strict", got "${v}"`,
    'BadRequest',
  );
}

/**
 * Applies the field validation mode to a request body: throws the real server's 400 under Strict,
 * returns Warning header values under Warn, nothing under Ignore.
 */
export function checkFields(
  type: ResourceType,
  body: unknown,
  mode: FieldValidation,
  serverSideApply: boolean,
  customSchema?: Record<string, unknown>,
): string[] {
  if (mode === 'Ignore') return [];
  const unknown = unknownFields(type, body, customSchema);
  if (unknown.length === 0) return [];
  if (mode === 'Warn') return unknown.map((f) => `299 - "unknown field \\"${f}\\""`);
  const gv = type.group ? `${type.group}/${type.version}` : type.version;
  if (serverSideApply) {
    const meta = isObj(body) && isObj(body.metadata) ? body.metadata : {};
    const where = `${String(meta.namespace ?? '')}/${String(meta.name ?? '')}`;
    throw new ApiError(
      400,
      `failed to create typed patch object (${where}; ${gv}, Kind=${type.kind}): ${unknown.map((f) => `.${f}: field not declared in schema`).join(', ')}`,
      'BadRequest',
    );
  }
  throw new ApiError(
    400,
    `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
    'BadRequest',
  );
}
