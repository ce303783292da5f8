import { defaultSection, findSection, type SectionId } from './sections';

/** Hash routes: `#/clusters`, `#/clusters/tkg-01`. An empty hash is the default section. */
export type Route =
  { kind: 'section'; section: SectionId; path: string[] } | { kind: 'not-found'; hash: string };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const parts = raw
    .split('/')
    .filter((part) => part !== '')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  if (parts.length === 0) return { kind: 'section', section: defaultSection, path: [] };
  const [first, ...rest] = parts;
  const section = findSection(first ?? '');
  if (!section) return { kind: 'not-found', hash: `#${raw}` };
  return { kind: 'section', section: section.id, path: rest };
}

export function hrefFor(section: SectionId, ...path: string[]): string {
  return ['#', section, ...path.map(encodeURIComponent)].join('/');
}
