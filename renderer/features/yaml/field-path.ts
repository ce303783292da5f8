import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/**
 * Where a field path (as inspections report it: `spec.template.spec.containers[0].securityContext`,
 * `metadata.annotations.container.apparmor.security.beta.kubernetes.io/app`, `data["a.b"]`) sits in
 * YAML text: its first and last line (1-based). Map keys may contain dots, so at each level the
 * longest key that exists wins. A field that is not in the text (a missing `resources`) gives its
 * deepest present parent, with `exact: false` and the part that was not found.
 */
export interface FieldRange {
  startLine: number;
  endLine: number;
  exact: boolean;
  /** The path that was found (equal to the asked path when exact). */
  found: string;
}

type Step = { node: Node; start: number; end: number; found: string };

function rangeOf(node: Node | null | undefined): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

function bracket(rest: string): { key: string | number; after: string } | undefined {
  const m = /^\[(\d+)\]/.exec(rest) ?? /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest) ?? /^\['([^']*)'\]/.exec(rest);
  if (!m) return undefined;
  const raw = m[1]!;
  const key =
    /^\d+$/.test(raw) && m[0].startsWith('[') && !m[0].startsWith('["') && !m[0].startsWith("['")
      ? Number(raw)
      : raw.replace(/\\(.)/g, '$1');
  return { key, after: rest.slice(m[0].length).replace(/^\./, '') };
}

function descend(step: Step, rest: string): Step {
  if (rest === '') return step;
  const { node } = step;
  const b = bracket(rest);
  if (b) {
    if (typeof b.key === 'number' && isSeq(node)) {
      const item = node.items[b.key] as Node | undefined;
      const r = rangeOf(item);
      if (!item || !r) return step;
      return descend({ node: item, start: r[0], end: r[1], found: `${step.found}[${b.key}]` }, b.after);
    }
    if (isMap(node)) return descendKey(step, String(b.key), b.after) ?? step;
    return step;
  }
  if (!isMap(node)) return step;
  // longest key first: "a.b.c" tries "a.b.c", then "a.b", then "a"
  const cuts: number[] = [];
  for (let i = 0; i < rest.length; i++) if (rest[i] === '.' || rest[i] === '[') cuts.push(i);
  cuts.push(rest.length);
  for (const cut of cuts.reverse()) {
    const next = descendKey(step, rest.slice(0, cut), rest.slice(cut).replace(/^\./, ''));
    if (next) return next;
  }
  return step;
}

function descendKey(step: Step, key: string, after: string): Step | undefined {
  if (!isMap(step.node)) return undefined;
  for (const pair of step.node.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (k !== key) continue;
    const keyRange = rangeOf(pair.key as Node);
    const value = pair.value as Node | null;
    const valueRange = rangeOf(value);
    if (!keyRange) return undefined;
    const found = step.found ? `${step.found}.${key}` : key;
    const next: Step = {
      node: value ?? (pair.key as Node),
      start: keyRange[0],
      end: valueRange ? Math.max(valueRange[1], keyRange[1]) : keyRange[1],
      found,
    };
    return value ? descend(next, after) : next;
  }
  return undefined;
}

export function findFieldRange(text: string, path: string): FieldRange | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const root = doc.contents as Node | null;
  const r = rangeOf(root);
  if (!root || !r || !path.trim()) return undefined;
  const end = descend({ node: root, start: r[0], end: r[1], found: '' }, path.trim().replace(/^\./, ''));
  if (end.found === '') return undefined;
  const startLine = lines.linePos(end.start).line;
  // a block value ends at the start of the next line: its last character is on the line before
  const endLine = Math.max(startLine, lines.linePos(Math.max(end.start, end.end - 1)).line);
  return { startLine, endLine, exact: end.found === normalise(path), found: end.found };
}

/** The path as `found` spells it (brackets for indexes, dots between keys). */
function normalise(path: string): string {
  return path
    .trim()
    .replace(/^\./, '')
    .replace(
      /\["((?:[^"\\]|\\.)*)"\]|\['([^']*)'\]/g,
      (_, a: string | undefined, b: string | undefined) => `.${(a ?? b ?? '').replace(/\\(.)/g, '$1')}`,
    )
    .replace(/^\./, '');
}
