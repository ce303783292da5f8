/**
 * Lays cleaned objects out as YAML: one multi-document file, or a folder per namespace with one
 * file per object, named so that `kubectl apply -f <folder>` (alphabetical) follows the dependency
 * order ("00-namespace-shop.yaml", "05-deployment-web.yaml"). Cluster-scoped objects other than
 * namespaces go to "_cluster/"; with objects from several clusters each gets its own top folder.
 */
import { stringify } from 'yaml';
import type { KubeObject } from '../../../shared/objects/types';
import { applyRank, sortForApply } from '../manifests-apply/order';

export interface ExportItem {
  cluster: string;
  object: KubeObject;
}

export interface ExportFile {
  /** Relative path: "export.yaml", or "<namespace>/<NN>-<kind>-<name>.yaml". */
  path: string;
  text: string;
  objects: number;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_') || '_';

export const yamlOf = (o: KubeObject): string =>
  stringify(o, { lineWidth: 0, aliasDuplicateObjects: false, sortMapEntries: false });

const nsOf = (o: KubeObject) => String(o.metadata?.namespace ?? '');
const nameOf = (o: KubeObject) => String(o.metadata?.name ?? '');

/** Namespace, then dependency order, then kind and name: the same input always gives the same text. */
function ordered(items: readonly ExportItem[]): ExportItem[] {
  const byName = [...items].sort(
    (a, b) =>
      a.cluster.localeCompare(b.cluster) ||
      nsOf(a.object).localeCompare(nsOf(b.object)) ||
      String(a.object.kind).localeCompare(String(b.object.kind)) ||
      nameOf(a.object).localeCompare(nameOf(b.object)),
  );
  return sortForApply(byName);
}

export function renderExport(items: readonly ExportItem[], layout: 'file' | 'folder'): ExportFile[] {
  const clusters = new Set(items.map((i) => i.cluster));
  const several = clusters.size > 1;
  const list = ordered(items);
  if (layout === 'file') {
    if (!list.length) return [{ path: 'export.yaml', text: '', objects: 0 }];
    const docs = list.map((i) => (several ? `# cluster: ${i.cluster}\n` : '') + yamlOf(i.object));
    return [{ path: 'export.yaml', text: docs.join('---\n'), objects: list.length }];
  }
  const used = new Map<string, number>();
  const unique = (p: string) => {
    const n = (used.get(p) ?? 0) + 1;
    used.set(p, n);
    // two kinds of one name in different API groups (rare): a number keeps both files
    return n === 1 ? p : p.replace(/\.yaml$/, `-${n}.yaml`);
  };
  return list.map((i) => {
    const o = i.object;
    const kind = String(o.kind ?? '');
    const folder = kind === 'Namespace' ? nameOf(o) : nsOf(o) || '_cluster';
    const rank = String(applyRank(kind)).padStart(2, '0');
    const file = `${rank}-${safe(kind.toLowerCase())}-${safe(nameOf(o))}.yaml`;
    const dir = several ? `${safe(i.cluster)}/${safe(folder)}` : safe(folder);
    return { path: unique(`${dir}/${file}`), text: yamlOf(o), objects: 1 };
  });
}
