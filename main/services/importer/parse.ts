/**
 * Pure parsing of manifest text: multi-document YAML, JSON, `List` kinds expanded, kustomization files
 * recognised. Every problem becomes an ImportIssue naming the file and line; valid documents still load.
 */
import {
  LineCounter,
  parseAllDocuments,
  isCollection,
  isMap,
  isSeq,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { KubeObject } from '../../../shared/objects/types';
import { defaultLimits, type ImportIssue, type ParseLimits, type ParsedObject } from './types';

export interface ParseOutcome {
  objects: ParsedObject[];
  issues: ImportIssue[];
  /** Set when the file is a kustomization (not objects): the reason to show. */
  skippedReason?: string;
}

const kustomizationNames = new Set(['kustomization.yaml', 'kustomization.yml', 'kustomization']);

export function isKustomizationFileName(file: string): boolean {
  const base = file.split(/[\\/]/).pop() ?? file;
  return kustomizationNames.has(base.toLowerCase());
}

function isKustomizationObject(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.apiVersion === 'string' && v.apiVersion.startsWith('kustomize.config.k8s.io/');
}

/** Deepest nesting of arrays/objects, walked without recursion so hostile input cannot overflow the stack. */
export function nestingDepth(value: unknown, stopAt: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > stopAt) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child && typeof child === 'object') stack.push([child, d + 1]);
    }
  }
  return max;
}

type Check = { ok: true; object: KubeObject } | { ok: false; message: string; code: ImportIssue['code'] };

function asKubeObject(value: unknown): Check {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    const what = Array.isArray(value)
      ? 'a list'
      : typeof value === 'string'
        ? 'a string'
        : `a ${typeof value}`;
    return {
      ok: false,
      code: 'not-kubernetes',
      message: `not a Kubernetes object (the document is ${what})`,
    };
  }
  const v = value as Record<string, unknown>;
  const missing = ['apiVersion', 'kind'].filter((k) => typeof v[k] !== 'string' || v[k] === '');
  if (missing.length) {
    const keys = Object.keys(v).slice(0, 6).join(', ');
    return {
      ok: false,
      code: 'not-kubernetes',
      message: `not a Kubernetes object: no ${missing.join(' or ')} (top-level keys: ${keys || 'none'})`,
    };
  }
  if (v.kind === 'Config' && (Array.isArray(v.clusters) || Array.isArray(v.contexts))) {
    return {
      ok: false,
      code: 'not-kubernetes',
      message: 'a kubeconfig, not a Kubernetes object (attach it on the Clusters page)',
    };
  }
  const meta = v.metadata;
  if (meta !== undefined && (typeof meta !== 'object' || meta === null || Array.isArray(meta))) {
    return { ok: false, code: 'not-kubernetes', message: `${String(v.kind)}: metadata is not a mapping` };
  }
  const m = (meta ?? {}) as Record<string, unknown>;
  const isList = String(v.kind).endsWith('List') && Array.isArray(v.items);
  if (!isList && typeof m.name !== 'string' && typeof m.generateName !== 'string') {
    return { ok: false, code: 'missing-name', message: `${String(v.kind)} has no metadata.name` };
  }
  return { ok: true, object: v as KubeObject };
}

class Collector {
  objects: ParsedObject[] = [];
  issues: ImportIssue[] = [];
  constructor(
    readonly file: string,
    readonly limits: ParseLimits,
  ) {}

  issue(i: Omit<ImportIssue, 'file'>): void {
    this.issues.push({ file: this.file, ...i });
  }

  /** Adds a document's value: an object, or a List whose items are expanded. */
  add(
    value: unknown,
    document: number,
    line: number,
    column: number | undefined,
    itemLine: (i: number) => number,
  ) {
    const checked = asKubeObject(value);
    if (!checked.ok) {
      const level = checked.code === 'not-kubernetes' ? 'warning' : 'error';
      this.issue({ code: checked.code, level, line, column, document, message: checked.message });
      return;
    }
    const obj = checked.object;
    if (String(obj.kind).endsWith('List') && Array.isArray(obj.items)) {
      // a typed list from the API (PodList …) leaves kind and apiVersion out of its items
      const itemKind = obj.kind === 'List' ? undefined : String(obj.kind).slice(0, -'List'.length);
      (obj.items as unknown[]).forEach((item, i) => {
        const typed =
          itemKind && item && typeof item === 'object' && !Array.isArray(item)
            ? { apiVersion: obj.apiVersion, kind: itemKind, ...(item as object) }
            : item;
        const c = asKubeObject(typed);
        const l = itemLine(i);
        if (!c.ok) {
          this.issue({
            code: c.code,
            level: 'error',
            line: l,
            document,
            message: `${obj.kind} item ${i}: ${c.message}`,
          });
        } else this.push({ object: c.object, file: this.file, document, item: i, line: l });
      });
      return;
    }
    this.push({ object: obj, file: this.file, document, line });
  }

  private push(p: ParsedObject) {
    if (this.objects.length >= this.limits.maxObjectsPerFile) {
      if (this.objects.length === this.limits.maxObjectsPerFile) {
        this.issue({
          code: 'too-many-objects',
          level: 'error',
          line: p.line,
          message: `more than ${this.limits.maxObjectsPerFile} objects in one file; the rest are ignored`,
        });
        this.objects.push(p); // sentinel so the message appears once; removed below
      }
      return;
    }
    this.objects.push(p);
  }

  result(): ParsedObject[] {
    return this.objects.slice(0, this.limits.maxObjectsPerFile);
  }
}

function tryJson(text: string, c: Collector): boolean {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return false;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false; // not a single JSON value: let the YAML parser explain where it breaks
  }
  const depth = nestingDepth(value, c.limits.maxDepth);
  if (depth > c.limits.maxDepth) {
    c.issue({
      code: 'too-deep',
      level: 'error',
      line: 1,
      document: 0,
      message: `nesting deeper than ${c.limits.maxDepth} levels`,
    });
    return true;
  }
  const line = text.slice(0, text.length - t.length).split('\n').length;
  c.add(value, 0, line, undefined, () => line);
  return true;
}

/** Offset of the first mapping key that is a collection: Kubernetes (JSON) keys must be strings. */
function collectionKey(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        found = (pair.key as Node).range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function itemLines(doc: Document, lc: LineCounter): (i: number) => number {
  const items = isMap(doc.contents) ? doc.contents.get('items', true) : undefined;
  return (i: number) => {
    const node = isSeq(items) ? (items.items[i] as Node | undefined) : undefined;
    const off = node?.range?.[0] ?? doc.range?.[0] ?? 0;
    return lc.linePos(off).line;
  };
}

export function parseManifestText(
  text: string,
  file: string,
  limits: ParseLimits = defaultLimits,
): ParseOutcome {
  const c = new Collector(file, limits);
  if (tryJson(text, c)) return { objects: c.result(), issues: c.issues };

  const lc = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      lineCounter: lc,
      prettyErrors: false,
      logLevel: 'error',
      merge: true,
    }) as Document.Parsed[];
  } catch (e) {
    const deep = e instanceof RangeError;
    c.issue({
      code: deep ? 'too-deep' : 'parse-error',
      level: 'error',
      message: deep ? 'nesting too deep for the YAML parser' : `YAML parser failed: ${(e as Error).message}`,
    });
    return { objects: [], issues: c.issues };
  }
  if (!Array.isArray(docs)) return { objects: [], issues: [] }; // empty stream

  let kustomization = false;
  docs.forEach((doc, index) => {
    const pos = lc.linePos(doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0);
    if (doc.errors.length) {
      const seen = new Set<number>();
      for (const err of doc.errors.slice(0, 3)) {
        const at = err.linePos?.[0] ?? lc.linePos(err.pos[0]);
        if (seen.has(at.line)) continue;
        seen.add(at.line);
        const message = err.message.split('\n')[0] ?? err.message;
        const deep = /call stack/i.test(message);
        c.issue({
          code: deep ? 'too-deep' : 'parse-error',
          level: 'error',
          line: at.line,
          column: at.col,
          document: index,
          message: deep ? 'nesting too deep for the YAML parser' : message,
        });
      }
      return;
    }
    if (doc.contents === null) return; // empty document (comments only, or a trailing ---)
    const badKey = collectionKey(doc);
    if (badKey !== undefined) {
      const at = lc.linePos(badKey);
      c.issue({
        code: 'parse-error',
        level: 'error',
        line: at.line,
        column: at.col,
        document: index,
        message: 'a mapping key is itself a mapping or list (an unrendered template such as {{value}}?)',
      });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (e) {
      const msg = (e as Error).message;
      const bomb = /alias/i.test(msg);
      const deep = e instanceof RangeError;
      c.issue({
        code: bomb ? 'alias-bomb' : deep ? 'too-deep' : 'parse-error',
        level: 'error',
        line: pos.line,
        column: pos.col,
        document: index,
        message: bomb
          ? `too many YAML alias expansions (more than ${limits.maxAliasCount}): refused as a possible alias bomb`
          : deep
            ? 'nesting too deep to convert'
            : msg,
      });
      return;
    }
    if (value === null || value === undefined) return;
    if (nestingDepth(value, limits.maxDepth) > limits.maxDepth) {
      c.issue({
        code: 'too-deep',
        level: 'error',
        line: pos.line,
        column: pos.col,
        document: index,
        message: `nesting deeper than ${limits.maxDepth} levels`,
      });
      return;
    }
    if (isKustomizationObject(value)) {
      kustomization = true;
      return;
    }
    c.add(value, index, pos.line, pos.col, itemLines(doc, lc));
  });
  const skippedReason =
    kustomization && c.objects.length === 0
      ? 'kustomization file (build it with kustomize to get objects)'
      : undefined;
  return { objects: c.result(), issues: c.issues, skippedReason };
}
