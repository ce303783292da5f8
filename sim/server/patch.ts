/** JSON patch (RFC 6902), JSON merge patch (RFC 7386) and strategic merge patch. Pure. */
import { badRequest, ApiError } from './errors';
import { MERGED_PRIMITIVE_LISTS, mergeKeyFor } from './merge-keys';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

function unescape(tok: string): string {
  return tok.replace(/~1/g, '/').replace(/~0/g, '~');
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`invalid JSON patch path "${path}": must start with "/"`);
  return path.slice(1).split('/').map(unescape);
}

function walk(doc: unknown, toks: string[]): { parent: unknown; key: string } {
  let cur = doc;
  for (const t of toks.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(t)];
    else if (isObj(cur)) cur = cur[t];
    else cur = undefined;
    if (cur === undefined)
      throw new ApiError(
        422,
        `the server rejected our request due to an error in our request: doc is missing path: "/${toks.join('/')}": missing value`,
        'Invalid',
      );
  }
  return { parent: cur, key: toks[toks.length - 1] };
}

function getAt(doc: unknown, toks: string[]): unknown {
  let cur = doc;
  for (const t of toks) {
    if (Array.isArray(cur)) cur = cur[t === '-' ? cur.length : Number(t)];
    else if (isObj(cur)) cur = cur[t];
    else return undefined;
  }
  return cur;
}

export function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest('json patch must be an array of operations');
  let out = clone(doc);
  for (const raw of ops) {
    if (!isObj(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string')
      throw badRequest(`invalid JSON patch operation: ${JSON.stringify(raw)}`);
    const toks = parsePointer(raw.path);
    const missing = (): ApiError =>
      new ApiError(
        422,
        `the server rejected our request due to an error in our request: doc is missing path: "${raw.path}": missing value`,
        'Invalid',
      );
    const put = (value: unknown, replace: boolean): void => {
      if (toks.length === 0) {
        out = clone(value);
        return;
      }
      const { parent, key } = walk(out, toks);
      if (Array.isArray(parent)) {
        const i = key === '-' ? parent.length : Number(key);
        if (!Number.isInteger(i) || i < 0 || i > parent.length) throw missing();
        if (replace) parent[i] = clone(value);
        else parent.splice(i, 0, clone(value));
      } else if (isObj(parent)) {
        if (replace && !(key in parent)) throw missing();
        parent[key] = clone(value);
      } else throw missing();
    };
    const remove = (): unknown => {
      const { parent, key } = walk(out, toks);
      if (Array.isArray(parent)) {
        const i = Number(key);
        if (!(i >= 0 && i < parent.length)) throw missing();
        return parent.splice(i, 1)[0];
      }
      if (isObj(parent) && key in parent) {
        const v = parent[key];
        delete parent[key];
        return v;
      }
      throw missing();
    };
    switch (raw.op) {
      case 'add':
        put(raw.value, false);
        break;
      case 'replace':
        put(raw.value, true);
        break;
      case 'remove':
        remove();
        break;
      case 'move': {
        const from = parsePointer(String(raw.from ?? ''));
        const v = getAt(out, from);
        if (v === undefined) throw missing();
        const { parent, key } = walk(out, from);
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else if (isObj(parent)) delete parent[key];
        put(v, false);
        break;
      }
      case 'copy': {
        const v = getAt(out, parsePointer(String(raw.from ?? '')));
        if (v === undefined) throw missing();
        put(v, false);
        break;
      }
      case 'test':
        if (JSON.stringify(getAt(out, toks)) !== JSON.stringify(raw.value))
          throw new ApiError(
            422,
            `the server rejected our request due to an error in our request: testing value ${raw.path} failed`,
            'Invalid',
          );
        break;
      default:
        throw badRequest(`Unexpected kind: ${raw.op}`);
    }
  }
  return out;
}

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  const out: Obj = isObj(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}

function smpList(field: string, target: unknown, patch: unknown[], parentPatch: Obj): unknown[] {
  const cur = Array.isArray(target) ? target : [];
  const order = parentPatch[`$setElementOrder/${field}`] as unknown[] | undefined;
  if (patch.some((p) => isObj(p) && p.$patch === 'replace'))
    return clone(patch.filter((p) => !(isObj(p) && p.$patch === 'replace')));
  if (MERGED_PRIMITIVE_LISTS.has(field) && patch.every((p) => !isObj(p))) {
    const out = [...cur];
    for (const p of patch) if (!out.includes(p)) out.push(p);
    return out;
  }
  const key = mergeKeyFor(field, [...patch, ...cur]);
  if (!key) return clone(patch);
  const out = cur.map((x) => clone(x));
  const idx = (k: unknown): number => out.findIndex((x) => isObj(x) && x[key] === k);
  for (const p of patch) {
    if (!isObj(p)) continue;
    const i = idx(p[key]);
    if (p.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = applyStrategicMergePatch(out[i], p);
    else out.push(applyStrategicMergePatch({}, p));
  }
  if (Array.isArray(order)) {
    const rank = new Map(order.map((o, n) => [isObj(o) ? o[key] : o, n]));
    out.sort((a, b) => (rank.get(isObj(a) ? a[key] : a) ?? 1e9) - (rank.get(isObj(b) ? b[key] : b) ?? 1e9));
  }
  return out;
}

export function applyStrategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  const out: Obj = isObj(target) ? clone(target) : {};
  if (patch.$patch === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return clone(rest);
  }
  const retain = patch.$retainKeys as string[] | undefined;
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) {
      const m = /^\$deleteFromPrimitiveList\/(.+)$/.exec(k);
      if (m && Array.isArray(out[m[1]]) && Array.isArray(v))
        out[m[1]] = (out[m[1]] as unknown[]).filter((x) => !v.includes(x));
      continue;
    }
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = smpList(k, out[k], v, patch);
    else if (isObj(v)) out[k] = applyStrategicMergePatch(out[k], v);
    else out[k] = v;
  }
  if (Array.isArray(retain)) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}
