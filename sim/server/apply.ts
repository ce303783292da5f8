/** Server-side apply: merge an applied configuration, track ownership in managedFields, report conflicts. */
import type { KObject } from '../store/api';
import { ApiError, type StatusCause } from './errors';
import {
  fieldSet,
  fromFieldsV1,
  managedTime,
  pathText,
  readManaged,
  removePath,
  toFieldsV1,
  valueAt,
  type ManagedFieldsEntry,
} from './fields';
import { mergeKeyFor } from './merge-keys';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Merges `applied` into `live`: maps merge, keyed lists merge by key, everything else is replaced. */
export function applyMerge(live: unknown, applied: unknown, field = ''): unknown {
  if (isObj(applied)) {
    const out: Obj = isObj(live) ? structuredClone(live) : {};
    for (const [k, v] of Object.entries(applied)) out[k] = v === null ? null : applyMerge(out[k], v, k);
    for (const k of Object.keys(out)) if (out[k] === null) delete out[k];
    return out;
  }
  if (Array.isArray(applied)) {
    const key = mergeKeyFor(field, applied);
    if (key && Array.isArray(live) && applied.every((i) => isObj(i) && i[key] !== undefined)) {
      const out = live.map((x) => structuredClone(x));
      for (const item of applied as Obj[]) {
        const i = out.findIndex((x) => isObj(x) && x[key] === item[key]);
        if (i >= 0) out[i] = applyMerge(out[i], item);
        else out.push(structuredClone(item));
      }
      return out;
    }
  }
  return structuredClone(applied);
}

export interface ApplyResult {
  object: KObject;
  created: boolean;
}

/**
 * Applies `config` for `manager` onto `live` (undefined when the object does not exist yet).
 * Throws a 409 listing the conflicting fields unless `force`.
 */
export function serverSideApply(
  live: KObject | undefined,
  config: KObject,
  manager: string,
  force: boolean,
  subresource?: string,
): KObject {
  const includeStatus = subresource === 'status';
  const mineNew = fieldSet(config, includeStatus);
  const entries: ManagedFieldsEntry[] = live ? readManaged(live).map((e) => ({ ...e })) : [];
  const sets = entries.map((e) => fromFieldsV1(e.fieldsV1));
  const isMine = (e: ManagedFieldsEntry): boolean =>
    e.manager === manager && e.operation === 'Apply' && (e.subresource ?? '') === (subresource ?? '');
  const conflicts: StatusCause[] = [];
  const isMap = (v: unknown): boolean => !!v && typeof v === 'object' && !Array.isArray(v);
  // A map or list item present on both sides is not itself a conflict: its leaves are compared one by one
  // (a server-defaulted field in the live item must not turn the whole item into a conflict).
  const same = (p: string): boolean => {
    const a = valueAt(live, p);
    const b = valueAt(config, p);
    return (isMap(a) && isMap(b)) || JSON.stringify(a) === JSON.stringify(b);
  };
  entries.forEach((e, i) => {
    if (isMine(e)) return;
    for (const p of mineNew) {
      if (!sets[i].has(p) || same(p)) continue;
      if (force) sets[i].delete(p);
      else
        conflicts.push({
          reason: 'FieldManagerConflict',
          message: `conflict with "${e.manager}"${e.operation === 'Update' ? ` using ${e.apiVersion}` : ''}`,
          field: pathText(p),
        });
    }
  });
  if (conflicts.length > 0) {
    const lines = conflicts.map((c) => `- ${c.message}: ${c.field}`).join('\n');
    throw new ApiError(
      409,
      `Apply failed with ${conflicts.length} conflict${conflicts.length > 1 ? 's' : ''}: ${conflicts.length === 1 ? `${conflicts[0].message}: ${conflicts[0].field}` : '\n' + lines}`,
      'Conflict',
      {
        causes: conflicts,
      },
    );
  }
  const mineIdx = entries.findIndex(isMine);
  const mineOld = mineIdx >= 0 ? sets[mineIdx] : new Set<string>();
  const merged = applyMerge(live ?? {}, config) as KObject;
  // Fields this manager applied before but not now, and nobody else owns, are removed.
  const ownedByOthers = (p: string): boolean =>
    sets.some((s, i) => i !== mineIdx && [...s].some((q) => q === p || q.startsWith(p + '\u0001')));
  for (const p of [...mineOld].sort((a, b) => b.length - a.length)) {
    if (!mineNew.has(p) && !ownedByOthers(p)) removePath(merged, p);
  }
  const out: ManagedFieldsEntry[] = [];
  entries.forEach((e, i) => {
    if (i === mineIdx) return;
    for (const p of [...sets[i]]) if (valueAt(merged, p) === undefined) sets[i].delete(p);
    if (sets[i].size > 0) out.push({ ...e, fieldsV1: toFieldsV1(sets[i]) });
  });
  const entry: ManagedFieldsEntry = {
    manager,
    operation: 'Apply',
    apiVersion: config.apiVersion,
    time: managedTime(),
    fieldsType: 'FieldsV1',
    fieldsV1: toFieldsV1(mineNew),
  };
  if (subresource) entry.subresource = subresource;
  out.splice(mineIdx >= 0 ? Math.min(mineIdx, out.length) : out.length, 0, entry);
  merged.apiVersion = config.apiVersion;
  merged.kind = config.kind;
  merged.metadata = { ...(merged.metadata ?? {}), managedFields: out };
  return merged;
}
