import type { SourceView } from '../../../shared/contract/sources';

/** A snapshot's groups: the group names its clusters were captured in, with their counts. */
export function snapshotGroups(view: SourceView | undefined) {
  const byName = new Map<string, { name: string; clusters: number; nodes: number; objects: number }>();
  for (const c of view?.clusters ?? []) {
    const g = byName.get(c.group) ?? { name: c.group, clusters: 0, nodes: 0, objects: 0 };
    g.clusters++;
    g.nodes += c.nodes;
    g.objects += c.objects;
    byName.set(c.group, g);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
