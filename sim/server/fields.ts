/**
 * Field sets for managedFields (FieldsV1): which fields of an object a manager owns.
 * A path is a list of segments ('f:spec', 'k:{"name":"web"}') joined by SEP. Pure.
 */
import type { KObject } from '../store/api';
import { mergeKeyFor } from './merge-keys';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
export const SEP = '\u0001';

const SKIP_META = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'selfLink',
]);

export const itemSeg = (key: string, value: unknown): string => `k:${JSON.stringify({ [key]: value })}`;

function walk(value: unknown, prefix: string[], field: string, out: Set<string>): void {
  if (isObj(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      out.add(prefix.join(SEP));
      return;
    }
    for (const [k, v] of entries) {
      if (prefix.length === 1 && prefix[0] === 'f:metadata' && SKIP_META.has(k)) continue;
      walk(v, [...prefix, `f:${k}`], k, out);
    }
    return;
  }
  if (Array.isArray(value)) {
    const key = mergeKeyFor(field, value);
    if (key && value.every((i) => isObj(i) && i[key] !== undefined)) {
      for (const item of value as Obj[]) {
        const p = [...prefix, itemSeg(key, item[key])];
        out.add(p.join(SEP));
        walk(item, p, '', out);
      }
      return;
    }
  }
  out.add(prefix.join(SEP));
}

/** Every owned path of `obj` (status, kind, apiVersion and server-set metadata excluded). */
export function fieldSet(obj: KObject | Obj, includeStatus = false): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || (k === 'status' && !includeStatus)) continue;
    walk(v, [`f:${k}`], k, out);
  }
  out.delete('f:metadata');
  return out;
}

function step(cur: unknown, seg: string): unknown {
  if (seg.startsWith('f:')) return isObj(cur) ? cur[seg.slice(2)] : undefined;
  if (seg.startsWith('k:') && Array.isArray(cur)) {
    const [[k, v]] = Object.entries(JSON.parse(seg.slice(2)) as Obj);
    return cur.find((i) => isObj(i) && i[k] === v);
  }
  return undefined;
}

export function valueAt(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const seg of path.split(SEP)) {
    cur = step(cur, seg);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Removes the field or list item at `path` in place. */
export function removePath(obj: unknown, path: string): void {
  const segs = path.split(SEP);
  let cur = obj;
  for (const seg of segs.slice(0, -1)) {
    cur = step(cur, seg);
    if (cur === undefined) return;
  }
  const last = segs[segs.length - 1];
  if (last.startsWith('f:') && isObj(cur)) delete cur[last.slice(2)];
  else if (last.startsWith('k:') && Array.isArray(cur)) {
    const [[k, v]] = Object.entries(JSON.parse(last.slice(2)) as Obj);
    const i = cur.findIndex((x) => isObj(x) && x[k] === v);
    if (i >= 0) cur.splice(i, 1);
  }
}

export function toFieldsV1(set: Set<string>): Obj {
  const root: Obj = {};
  for (const path of [...set].sort()) {
    let cur = root;
    const segs = path.split(SEP);
    segs.forEach((seg, i) => {
      const next = (cur[seg] as Obj | undefined) ?? {};
      cur[seg] = next;
      if (i === segs.length - 1 && seg.startsWith('k:')) next['.'] = {};
      cur = next;
    });
  }
  return root;
}

export function fromFieldsV1(fv: unknown, prefix: string[] = [], out = new Set<string>()): Set<string> {
  if (!isObj(fv)) return out;
  const keys = Object.keys(fv);
  if (keys.length === 0 && prefix.length > 0) out.add(prefix.join(SEP));
  for (const k of keys) {
    if (k === '.') {
      out.add(prefix.join(SEP));
      continue;
    }
    fromFieldsV1(fv[k], [...prefix, k], out);
  }
  return out;
}

/** "f:spec␁f:replicas" → ".spec.replicas", as conflict messages print it. */
export function pathText(path: string): string {
  return path
    .split(SEP)
    .map((s) =>
      s.startsWith('f:')
        ? `.${s.slice(2)}`
        : `[${s
            .slice(2)
            .replace(/^\{|\}$/g, '')
            .replace(/"/g, '')}]`.replace(':', '='),
    )
    .join('');
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Obj;
  subresource?: string;
}

export function readManaged(obj: KObject): ManagedFieldsEntry[] {
  return Array.isArray(obj.metadata.managedFields)
    ? (obj.metadata.managedFields as ManagedFieldsEntry[])
    : [];
}

const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** Records a non-apply write by `manager`: it takes the fields it changed; others lose them. */
export function recordUpdate(
  oldObj: KObject | undefined,
  newObj: KObject,
  manager: string,
  subresource?: string,
): void {
  const includeStatus = subresource === 'status';
  const before = oldObj ? fieldSet(oldObj, includeStatus) : new Set<string>();
  const after = fieldSet(newObj, includeStatus);
  const changed = new Set<string>();
  for (const p of after)
    if (!before.has(p) || JSON.stringify(valueAt(oldObj, p)) !== JSON.stringify(valueAt(newObj, p)))
      changed.add(p);
  const entries = readManaged(oldObj ?? newObj).map((e) => ({ ...e }));
  const out: ManagedFieldsEntry[] = [];
  let mine: ManagedFieldsEntry | undefined;
  for (const e of entries) {
    const set = fromFieldsV1(e.fieldsV1);
    if (e.manager === manager && e.operation === 'Update' && (e.subresource ?? '') === (subresource ?? '')) {
      mine = e;
      for (const p of changed) set.add(p);
    } else for (const p of changed) set.delete(p);
    for (const p of [...set]) if (valueAt(newObj, p) === undefined) set.delete(p);
    e.fieldsV1 = toFieldsV1(set);
    if (set.size > 0) out.push(e);
  }
  if (!mine && changed.size > 0) {
    const entry: ManagedFieldsEntry = {
      manager,
      operation: 'Update',
      apiVersion: newObj.apiVersion,
      time: now(),
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(changed),
    };
    if (subresource) entry.subresource = subresource;
    out.push(entry);
  } else if (mine) mine.time = now();
  newObj.metadata.managedFields = out;
}

export { now as managedTime };
