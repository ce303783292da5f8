/** Every definition table, looked up by full OpenAPI name and expanded for Swagger 2.0 or OpenAPI v3. */
import type { ResourceType } from '../store/api';
import { CORE_DEFS } from './schema-core';
import { defName, expandDef, type Def, type Schema } from './schema-dsl';
import { KIND_DEFS, KIND_SUPPORT_DEFS } from './schema-kinds';

const byFullName = (defs: Record<string, Def>): Map<string, Def> =>
  new Map(Object.entries(defs).map(([short, def]) => [defName(short), def]));

const SUPPORT = byFullName({ ...CORE_DEFS, ...KIND_SUPPORT_DEFS });
const KINDS = byFullName(KIND_DEFS);

/** The OpenAPI definition name of a served type (`io.k8s.api.apps.v1.Deployment`). */
export function schemaName(t: Pick<ResourceType, 'group' | 'version' | 'kind'>): string {
  if (!t.group) return `io.k8s.api.core.${t.version}.${t.kind}`;
  if (!t.group.includes('.') || t.group.endsWith('.k8s.io'))
    return `io.k8s.api.${t.group.split('.')[0]}.${t.version}.${t.kind}`;
  return `${t.group.split('.').reverse().join('.')}.${t.version}.${t.kind}`;
}

/** The field table of a top-level kind, or undefined when the sim has none for it. */
export function kindDef(t: Pick<ResourceType, 'group' | 'version' | 'kind'>): Def | undefined {
  return KINDS.get(schemaName(t));
}

/** A supporting definition (`io.k8s.api.core.v1.Container`) by full name. */
export function supportDef(fullName: string): Def | undefined {
  return SUPPORT.get(fullName) ?? KINDS.get(fullName);
}

/** The supporting definitions expanded with refs under `refBase`. */
export function supportSchemas(refBase: string): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const [name, def] of SUPPORT) out[name] = expandDef(def, refBase);
  return out;
}

/** The schema of a served type: its table when there is one, otherwise a free-form object. */
export function typeSchema(t: ResourceType, refBase: string): Schema {
  const gvk = { group: t.group, version: t.version, kind: t.kind };
  const def = kindDef(t) ?? {
    description: `${t.kind} is a ${t.group || 'core'}/${t.version} resource.`,
  };
  return expandDef({ ...def, gvk }, refBase);
}
