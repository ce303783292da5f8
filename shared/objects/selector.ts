/**
 * Kubernetes label selectors: the text syntax kubectl accepts (`-l`), parsed into requirements
 * that can be matched in memory or translated into SQL by the store.
 *
 *   app=web, tier in (front, back), !legacy, env!=prod, release, track notin (canary)
 *
 * Semantics follow apimachinery's labels package: `!=` and `notin` also match objects that do not
 * carry the key at all; an empty selector matches everything.
 */

export type SelectorOp = 'eq' | 'neq' | 'in' | 'notin' | 'exists' | 'notexists';

export interface Requirement {
  key: string;
  op: SelectorOp;
  /** Sorted and de-duplicated; one value for eq/neq, none for exists/notexists. */
  values: string[];
}

export class SelectorError extends Error {
  readonly code = 'INVALID_SELECTOR';
  constructor(
    message: string,
    /** 1-based column in the selector text where the problem is. */
    readonly column: number,
  ) {
    super(message);
    this.name = 'SelectorError';
  }
}

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` is not a valid label key, or undefined when it is. */
export function labelKeyProblem(key: string): string | undefined {
  if (key === '') return 'a label key must not be empty';
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix === '') return `the prefix of "${key}" must not be empty`;
    if (prefix.length > 253) return `the prefix of "${key}" is longer than 253 characters`;
    if (!DNS_SUBDOMAIN.test(prefix)) return `the prefix of "${key}" must be a lowercase DNS subdomain`;
  }
  if (name === '') return `the name part of "${key}" must not be empty`;
  if (name.length > 63) return `the name part of "${key}" is longer than 63 characters`;
  if (!NAME.test(name)) {
    return `"${key}" must be alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character`;
  }
  return undefined;
}

/** Why `value` is not a valid label value, or undefined when it is. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `the value "${value}" is longer than 63 characters`;
  if (!NAME.test(value)) {
    return `the value "${value}" must be alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character`;
  }
  return undefined;
}

type Token =
  | { t: 'ident'; v: string; at: number }
  | { t: 'op'; v: '=' | '==' | '!=' | '!'; at: number }
  | { t: '(' | ')' | ','; at: number };

const SPECIAL = new Set(['=', '!', '(', ')', ',', ' ', '\t', '\n', '\r']);

function lex(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ t: c, at: i + 1 });
      i++;
    } else if (c === '=') {
      const two = text[i + 1] === '=';
      out.push({ t: 'op', v: two ? '==' : '=', at: i + 1 });
      i += two ? 2 : 1;
    } else if (c === '!') {
      const two = text[i + 1] === '=';
      out.push({ t: 'op', v: two ? '!=' : '!', at: i + 1 });
      i += two ? 2 : 1;
    } else {
      const start = i;
      while (i < text.length && !SPECIAL.has(text[i])) i++;
      out.push({ t: 'ident', v: text.slice(start, i), at: start + 1 });
    }
  }
  return out;
}

function describe(tok: Token | undefined): string {
  if (!tok) return 'the end of the selector';
  if (tok.t === 'ident' || tok.t === 'op') return `"${tok.v}"`;
  return `"${tok.t}"`;
}

function requireKey(tok: Token): string {
  const key = (tok as { v: string }).v;
  const problem = labelKeyProblem(key);
  if (problem) throw new SelectorError(`invalid label key at column ${tok.at}: ${problem}`, tok.at);
  return key;
}

function requireValue(tok: Token): string {
  const value = (tok as { v: string }).v;
  const problem = labelValueProblem(value);
  if (problem) throw new SelectorError(`invalid label value at column ${tok.at}: ${problem}`, tok.at);
  return value;
}

const sortUnique = (values: string[]) => [...new Set(values)].sort();

/**
 * Parses a label selector. Throws SelectorError (with the column) for anything kubectl would refuse.
 * The requirements come back sorted by key, as apimachinery sorts them.
 */
export function parseSelector(text: string): Requirement[] {
  const toks = lex(text);
  const reqs: Requirement[] = [];
  let i = 0;
  const end = text.length + 1;
  const fail = (expected: string): never => {
    const tok = toks[i];
    throw new SelectorError(
      `${expected} expected at column ${tok?.at ?? end}, found ${describe(tok)}`,
      tok?.at ?? end,
    );
  };
  while (i < toks.length) {
    const first = toks[i];
    if (first.t === 'op' && first.v === '!') {
      i++;
      const keyTok = toks[i];
      if (keyTok?.t !== 'ident') fail('a label key after "!"');
      reqs.push({ key: requireKey(keyTok), op: 'notexists', values: [] });
      i++;
    } else if (first.t === 'ident') {
      const key = requireKey(first);
      i++;
      const next = toks[i];
      if (next === undefined || next.t === ',') {
        reqs.push({ key, op: 'exists', values: [] });
      } else if (next.t === 'op' && next.v !== '!') {
        i++;
        const valueTok = toks[i];
        let value = '';
        if (valueTok?.t === 'ident') {
          value = requireValue(valueTok);
          i++;
        } else if (valueTok !== undefined && valueTok.t !== ',') {
          fail(`a value after "${next.v}"`);
        }
        reqs.push({ key, op: next.v === '!=' ? 'neq' : 'eq', values: [value] });
      } else if (next.t === 'ident' && (next.v === 'in' || next.v === 'notin')) {
        i++;
        if (toks[i]?.t !== '(') fail(`"(" after "${next.v}"`);
        i++;
        const values: string[] = [];
        for (;;) {
          const tok = toks[i];
          if (tok?.t === 'ident') {
            values.push(requireValue(tok));
            i++;
          } else if (tok?.t === ',' || tok?.t === ')') {
            // an empty value between commas, as in "in (a,,b)" or "in (a,)": the empty string
            values.push('');
          } else {
            fail(`a value or ")"`);
          }
          const sep = toks[i];
          if (sep?.t === ',') {
            i++;
            continue;
          }
          if (sep?.t === ')') {
            i++;
            break;
          }
          fail('"," or ")"');
        }
        if (values.length === 1 && values[0] === '' && toks[i - 2]?.t === '(') {
          throw new SelectorError(
            `the value list after "${next.v}" at column ${next.at} must not be empty`,
            next.at,
          );
        }
        reqs.push({ key, op: next.v === 'in' ? 'in' : 'notin', values: sortUnique(values) });
      } else {
        fail(`"=", "==", "!=", "in", "notin" or "," after "${key}"`);
      }
    } else {
      fail('a label key or "!"');
    }
    if (i < toks.length) {
      if (toks[i].t !== ',') fail('","');
      i++;
      if (i >= toks.length) fail('a requirement after ","');
    }
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Whether a set of labels satisfies every requirement. */
export function matchesSelector(
  labels: Readonly<Record<string, string>>,
  reqs: readonly Requirement[],
): boolean {
  for (const r of reqs) {
    const has = Object.hasOwn(labels, r.key);
    const value = has ? labels[r.key] : undefined;
    switch (r.op) {
      case 'exists':
        if (!has) return false;
        break;
      case 'notexists':
        if (has) return false;
        break;
      case 'eq':
      case 'in':
        if (!has || !r.values.includes(value as string)) return false;
        break;
      case 'neq':
      case 'notin':
        if (has && r.values.includes(value as string)) return false;
        break;
    }
  }
  return true;
}

/** The canonical text of parsed requirements (what kubectl would print back). */
export function formatSelector(reqs: readonly Requirement[]): string {
  return reqs
    .map((r) => {
      switch (r.op) {
        case 'exists':
          return r.key;
        case 'notexists':
          return `!${r.key}`;
        case 'eq':
          return `${r.key}=${r.values[0]}`;
        case 'neq':
          return `${r.key}!=${r.values[0]}`;
        default:
          return `${r.key} ${r.op} (${r.values.join(',')})`;
      }
    })
    .join(',');
}
