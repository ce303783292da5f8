/**
 * Kubernetes label and field selectors: parsing and matching.
 * Pure functions; parse once per request, match per object.
 */
import type { KObject } from './api';

export class SelectorError extends Error {
  readonly code = 400;
}

type LabelReq =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

export type LabelSelector = LabelReq[];

/** Splits on commas that are not inside parentheses. */
function splitTerms(input: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of input) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t.length > 0);
}

const KEY_RE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

function checkKey(key: string, selector: string): string {
  if (!KEY_RE.test(key))
    throw new SelectorError(
      `unable to parse requirement: invalid label key "${key}" in selector "${selector}"`,
    );
  return key;
}

export function parseLabelSelector(selector: string | undefined): LabelSelector {
  if (!selector) return [];
  return splitTerms(selector).map((term): LabelReq => {
    let m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
    if (m) {
      const values = m[3]
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v.length > 0);
      return { op: m[2] as 'in' | 'notin', key: checkKey(m[1], selector), values };
    }
    m = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
    if (m) return { op: m[2] === '!=' ? 'neq' : 'eq', key: checkKey(m[1], selector), value: m[3] };
    m = /^!\s*(\S+)$/.exec(term);
    if (m) return { op: 'notexists', key: checkKey(m[1], selector) };
    if (/^\S+$/.test(term)) return { op: 'exists', key: checkKey(term, selector) };
    throw new SelectorError(`unable to parse requirement: "${term}" in label selector "${selector}"`);
  });
}

export function matchLabels(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const r of sel) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'eq':
        if (!has || l[r.key] !== r.value) return false;
        break;
      case 'neq':
        if (has && l[r.key] === r.value) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(l[r.key])) return false;
        break;
      case 'notin':
        if (has && r.values.includes(l[r.key])) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case 'notexists':
        if (has) return false;
        break;
    }
  }
  return true;
}

export interface FieldReq {
  path: string[];
  neq: boolean;
  value: string;
}

export function parseFieldSelector(selector: string | undefined): FieldReq[] {
  if (!selector) return [];
  return splitTerms(selector).map((term) => {
    const m = /^([A-Za-z0-9_.-]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
    return { path: m[1].split('.'), neq: m[2] === '!=', value: m[3].trim() };
  });
}

function fieldValue(obj: KObject, path: string[]): string {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[p];
  }
  if (cur === undefined || cur === null) return '';
  return typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
}

export function matchFields(reqs: FieldReq[], obj: KObject): boolean {
  for (const r of reqs) {
    const v = fieldValue(obj, r.path);
    if (r.neq ? v === r.value : v !== r.value) return false;
  }
  return true;
}

/** A metav1.LabelSelector object ({matchLabels, matchExpressions}) as a matcher. */
export function labelSelectorFromObject(sel: unknown): LabelSelector {
  const out: LabelSelector = [];
  if (!sel || typeof sel !== 'object') return out;
  const s = sel as {
    matchLabels?: Record<string, string>;
    matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
  };
  for (const [key, value] of Object.entries(s.matchLabels ?? {})) out.push({ op: 'eq', key, value });
  for (const e of s.matchExpressions ?? []) {
    const op = e.operator.toLowerCase();
    if (op === 'in' || op === 'notin') out.push({ op, key: e.key, values: e.values ?? [] });
    else if (op === 'exists') out.push({ op: 'exists', key: e.key });
    else if (op === 'doesnotexist') out.push({ op: 'notexists', key: e.key });
  }
  return out;
}
