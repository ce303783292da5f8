/** meta.k8s.io/v1 Table output for `kubectl get` (server-side printing). */
import type { KObject, ResourceType } from '../store/api';
import type { MemoryStore } from '../store/memory';
import { age } from './age';
import { COLUMNS, CUSTOM_DEFAULT_COLUMNS, DEFAULT_COLUMNS, makeColumn, type Column } from './table-columns';

/** True when the Accept header asks for a Table. */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept);
}

/** Evaluates the small JSONPath subset used by additionalPrinterColumns. */
export function jsonPath(obj: unknown, path: string): unknown {
  const tokens = path.replace(/^\{|\}$/g, '').match(/\[\?\(@\.[^)]*\)\]|\[\d+\]|\.?[^.[\]]+/g) ?? [];
  let cur: unknown = obj;
  for (const t of tokens) {
    if (cur === undefined || cur === null) return undefined;
    if (t.startsWith('[?(')) {
      const m = /^\[\?\(@\.([\w.-]+)\s*==\s*["']?([^"']*)["']?\)\]$/.exec(t);
      if (!m || !Array.isArray(cur)) return undefined;
      cur = cur.find((x) => String(jsonPath(x, '.' + m[1])) === m[2]);
    } else if (t.startsWith('[')) {
      cur = Array.isArray(cur) ? cur[Number(t.slice(1, -1))] : undefined;
    } else {
      cur = (cur as Record<string, unknown>)[t.replace(/^\./, '')];
    }
  }
  return cur;
}

function crdColumns(store: MemoryStore, type: ResourceType): Column[] | undefined {
  for (const { object } of store.scan('apiextensions.k8s.io/v1/customresourcedefinitions')) {
    const spec = object.spec as {
      group?: string;
      names?: { plural?: string };
      versions?: Array<Record<string, unknown>>;
    };
    if (spec.group !== type.group || spec.names?.plural !== type.resource) continue;
    const version = spec.versions?.find((v) => v.name === type.version);
    const cols = (version?.additionalPrinterColumns as Array<Record<string, unknown>> | undefined) ?? [];
    if (cols.length === 0) return CUSTOM_DEFAULT_COLUMNS;
    const out: Column[] = [CUSTOM_DEFAULT_COLUMNS[0]];
    for (const c of cols) {
      const type = String(c.type ?? 'string') as Column['type'];
      const path = String(c.jsonPath ?? '');
      out.push(
        makeColumn(
          String(c.name),
          (x) => {
            const v = jsonPath(x, path);
            if (type === 'date') return v === undefined ? '<unknown>' : age(v);
            return v === undefined ? '<none>' : typeof v === 'object' ? JSON.stringify(v) : v;
          },
          Number(c.priority ?? 0),
          type === 'date' ? 'string' : type,
        ),
      );
    }
    if (!cols.some((c) => c.name === 'Age')) out.push(CUSTOM_DEFAULT_COLUMNS[1]);
    return out;
  }
  return undefined;
}

export function columnsFor(store: MemoryStore, gvr: string, type: ResourceType): Column[] {
  return COLUMNS[gvr] ?? crdColumns(store, type) ?? DEFAULT_COLUMNS;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function rowObject(obj: KObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

export function toTable(
  columns: Column[],
  objects: KObject[],
  include: IncludeObject,
  listMeta: Record<string, unknown>,
  withColumns = true,
): Record<string, unknown> {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: withColumns
      ? columns.map((c) => ({
          name: c.name,
          type: c.type,
          format: c.format ?? '',
          description: c.name,
          priority: c.priority,
        }))
      : [],
    rows: objects.map((obj) => {
      const row: Record<string, unknown> = { cells: columns.map((c) => c.cell(obj)) };
      const ro = rowObject(obj, include);
      if (ro !== undefined) row.object = ro;
      return row;
    }),
  };
}
