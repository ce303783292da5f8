import { parseSearchText } from '../../../shared/objects/search-syntax';

/**
 * The search text with each `cluster:NAME` written `cluster:ID`, as the store knows clusters by id:
 * a name matches in any case; a value that is already an id, or names no cluster, stays as typed.
 */
export function withClusterIds(text: string, names: ReadonlyMap<string, string>): string {
  const ids = new Map([...names].map(([id, name]) => [name.toLowerCase(), id]));
  return text
    .split(/\s+/)
    .map((word) => {
      const [term] = parseSearchText(word);
      if (term?.type !== 'filter' || term.filter !== 'cluster' || names.has(term.value)) return word;
      const id = ids.get(term.value.toLowerCase());
      return id ? `cluster:${id}` : word;
    })
    .join(' ');
}
