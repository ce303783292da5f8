/**
 * Field-level differences between two JSON values, as readable paths: `spec.replicas`,
 * `metadata.labels["app.kubernetes.io/name"]`, `spec.template.spec.containers[name=web].image`.
 * Lists of objects that all carry a `name` (containers, ports, env, volumes …) are matched by
 * name, so inserting one container does not report every later one as changed.
 */

export interface FieldChange {
  path: string;
  /** Absent when the field was added. */
  before?: unknown;
  /** Absent when the field was removed. */
  after?: unknown;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

const keyPath = (base: string, key: string): string =>
  PLAIN_KEY.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function namedItems(list: unknown[]): Map<string, unknown> | undefined {
  const byName = new Map<string, unknown>();
  for (const item of list) {
    if (!isObject(item) || typeof item.name !== 'string' || byName.has(item.name)) return undefined;
    byName.set(item.name, item);
  }
  return byName;
}

function walk(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (Object.is(before, after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      const next = keyPath(path, key);
      if (!(key in after)) out.push({ path: next, before: before[key] });
      else if (!(key in before)) out.push({ path: next, after: after[key] });
      else walk(before[key], after[key], next, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const a = before.length > 0 && after.length > 0 ? namedItems(before) : undefined;
    const b = a ? namedItems(after) : undefined;
    if (a && b) {
      for (const [name, item] of a) {
        const next = `${path}[name=${name}]`;
        if (!b.has(name)) out.push({ path: next, before: item });
        else walk(item, b.get(name), next, out);
      }
      for (const [name, item] of b)
        if (!a.has(name)) out.push({ path: `${path}[name=${name}]`, after: item });
      return;
    }
    const longest = Math.max(before.length, after.length);
    for (let i = 0; i < longest; i++) {
      const next = `${path}[${i}]`;
      if (i >= after.length) out.push({ path: next, before: before[i] });
      else if (i >= before.length) out.push({ path: next, after: after[i] });
      else walk(before[i], after[i], next, out);
    }
    return;
  }
  out.push({ path: path || '(whole object)', before, after });
}

/** Every changed leaf (or added/removed subtree) between `before` and `after`, in document order. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, '', out);
  return out;
}
