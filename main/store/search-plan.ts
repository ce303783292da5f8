import type { Requirement } from '../../shared/objects/selector';
import { parseSearchText } from '../../shared/objects/search-syntax';
import { kindNamed, kindNames } from './search-kinds';

/** What a search's text asks for, once kind names are resolved. */
export interface SearchPlan {
  /** Lower-cased words to find in the search text (name, namespace, kind, labels), at most 8. */
  words: string[];
  /** Kinds named by the text (a union); undefined when none is named. */
  kinds?: string[];
  namespaces?: string[];
  clusters?: string[];
  /** Label requirements, all of which must hold. */
  requirements: Requirement[];
}

const MAX_WORDS = 8;

/**
 * Reads a search text: a word naming a kind (built-in, or one of `kindsInCache`) filters by that
 * kind; `kind:`, `ns:`/`namespace:` and `cluster:` filter too (several of one sort are a union);
 * label requirements are exact; other words are text.
 */
export function planSearch(text: string, kindsInCache?: readonly string[]): SearchPlan {
  const names = kindsInCache ? kindNames(kindsInCache) : undefined;
  const plan: SearchPlan = { words: [], requirements: [] };
  const add = (key: 'kinds' | 'namespaces' | 'clusters', value: string) => {
    const list = (plan[key] ??= []);
    if (!list.includes(value)) list.push(value);
  };
  for (const term of parseSearchText(text)) {
    if (term.type === 'label') {
      plan.requirements.push(term.requirement);
    } else if (term.type === 'filter') {
      if (term.filter === 'kind') add('kinds', kindNamed(term.value, names) ?? term.value);
      else if (term.filter === 'namespace') add('namespaces', term.value.toLowerCase());
      else add('clusters', term.value);
    } else {
      const kind = kindNamed(term.text, names);
      if (kind) add('kinds', kind);
      else if (plan.words.length < MAX_WORDS) plan.words.push(term.text.toLowerCase());
    }
  }
  return plan;
}

/** Values in both lists (undefined lists filter nothing). */
export function intersect(a?: readonly string[], b?: readonly string[]): string[] | undefined {
  if (!a) return b ? [...b] : undefined;
  if (!b) return [...a];
  return a.filter((x) => b.includes(x));
}
