import { labelKeyProblem, parseSelector, type Requirement } from './selector';

/**
 * The words of a fleet-wide search (`search.query` text), split into what each one asks for:
 *
 *   pods nginx            a kind (resolved by the store: singular, plural or short name) and a word
 *   app=cart  tier!=web   exact label requirements (kubectl selector syntax, one per word)
 *   !canary   app=        a missing label; a key alone before its value ("app=": has the label)
 *   ns:shop  namespace:shop  cluster:ID  kind:Deployment   explicit filters
 *
 * Anything else is a word to find in the name, namespace, kind or labels. Parsing never fails: a
 * word that is not a valid label requirement is a word, and a prefix without a value is ignored
 * (the operator is still typing it).
 */

export type SearchFilter = 'namespace' | 'cluster' | 'kind';

export type SearchTerm =
  | { type: 'word'; text: string }
  | { type: 'filter'; filter: SearchFilter; value: string }
  | { type: 'label'; requirement: Requirement };

export const SEARCH_PREFIXES: Readonly<Record<string, SearchFilter>> = {
  ns: 'namespace',
  namespace: 'namespace',
  cluster: 'cluster',
  kind: 'kind',
};

/** At most this many terms are read; the rest of the text is ignored. */
export const MAX_SEARCH_TERMS = 12;

export function parseSearchText(text: string): SearchTerm[] {
  const out: SearchTerm[] = [];
  for (const raw of text.split(/\s+/)) {
    if (raw === '') continue;
    const term = parseTerm(raw);
    if (term) out.push(term);
    if (out.length === MAX_SEARCH_TERMS) break;
  }
  return out;
}

function parseTerm(raw: string): SearchTerm | undefined {
  const colon = raw.indexOf(':');
  const filter = colon > 0 ? SEARCH_PREFIXES[raw.slice(0, colon).toLowerCase()] : undefined;
  if (filter) {
    const value = raw.slice(colon + 1);
    return value ? { type: 'filter', filter, value } : undefined;
  }
  const requirement = labelRequirement(raw);
  if (requirement === null) return undefined;
  return requirement ? { type: 'label', requirement } : { type: 'word', text: raw };
}

/**
 * `key=value`, `key==value`, `key!=value`, `!key`, or `key=` (has the key); null for `key!=`
 * (a value still to come: no filter yet); undefined when the word is not a label requirement.
 */
function labelRequirement(raw: string): Requirement | null | undefined {
  const m = /^(!?)([^=!]+)(?:(==?|!=)(.*))?$/.exec(raw);
  if (!m) return undefined;
  const [, not, key, op, value] = m;
  if (!not === (op === undefined)) return undefined;
  if (labelKeyProblem(key)) return undefined;
  if (value === '') return op === '!=' ? null : { key, op: 'exists', values: [] };
  try {
    const reqs = parseSelector(raw);
    return reqs.length === 1 ? reqs[0] : undefined;
  } catch {
    return undefined;
  }
}
