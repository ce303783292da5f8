/**
 * Which objects an export takes from a source: explicit refs (a selection), a workspace's
 * namespaces, given namespaces (with their Namespace objects) or everything of the given clusters.
 * Imports export the objects as written in their files; the live cache holds ConfigMaps and
 * Secrets as metadata only, so their bodies are read fresh from the cluster.
 */
import type { KubeObject, ObjectReader, StoredObject } from '../../../shared/objects/types';
import type { ExportItem } from './render';

export interface ExportSelection {
  source: string;
  clusters?: string[];
  namespaces?: string[];
  workspace?: string;
  refs?: Array<{ cluster: string; group: string; kind: string; namespace: string; name: string }>;
}

export interface GatherDeps {
  store: ObjectReader;
  imports: { get(source: string): { objects: StoredObject[] } | undefined };
  workspaceNamespaces?(workspace: string): Array<{ cluster: string; namespace: string }>;
  /** The object as a live cluster has it now. */
  liveBody(
    cluster: string,
    ref: { group: string; version: string; kind: string; namespace: string; name: string },
  ): Promise<Record<string, unknown>>;
}

export class GatherError extends Error {
  override name = 'GatherError';
}

/** Kinds whose bodies the live cache does not keep. */
const METADATA_ONLY = new Set(['ConfigMap', 'Secret']);

const refKey = (r: { cluster: string; group: string; kind: string; namespace: string; name: string }) =>
  `${r.cluster}\t${r.group}\t${r.kind}\t${r.namespace}\t${r.name}`;

function selectRows(all: Iterable<StoredObject>, sel: ExportSelection, scope?: Map<string, Set<string>>) {
  const clusters = sel.clusters?.length ? new Set(sel.clusters) : undefined;
  const refs = sel.refs ? new Set(sel.refs.map(refKey)) : undefined;
  const out: StoredObject[] = [];
  for (const row of all) {
    if (refs) {
      if (refs.has(refKey(row))) out.push(row);
      continue;
    }
    if (clusters && !clusters.has(row.cluster)) continue;
    if (scope) {
      const names = scope.get(row.cluster);
      if (!names) continue;
      const inScope = row.namespace
        ? names.has(row.namespace)
        : row.kind === 'Namespace' && names.has(row.name);
      if (!inScope) continue;
    }
    out.push(row);
  }
  return out;
}

/** cluster → namespaces, from a workspace or the given namespaces (every cluster). */
function namespaceScope(sel: ExportSelection, deps: GatherDeps, clustersOf: () => string[]) {
  if (sel.workspace) {
    if (!deps.workspaceNamespaces) throw new GatherError('workspaces are not available here');
    const pairs = deps.workspaceNamespaces(sel.workspace);
    if (!pairs.length) throw new GatherError(`workspace ${sel.workspace} has no namespaces`);
    const scope = new Map<string, Set<string>>();
    for (const p of pairs) {
      if (sel.namespaces?.length && !sel.namespaces.includes(p.namespace)) continue;
      let set = scope.get(p.cluster);
      if (!set) scope.set(p.cluster, (set = new Set()));
      set.add(p.namespace);
    }
    return scope;
  }
  if (sel.namespaces?.length) {
    const names = new Set(sel.namespaces);
    return new Map(clustersOf().map((c) => [c, names]));
  }
  return undefined;
}

export async function gatherExport(
  sel: ExportSelection,
  deps: GatherDeps,
): Promise<{ items: ExportItem[]; problems: string[] }> {
  let rows: StoredObject[];
  if (sel.source.startsWith('manifests:')) {
    const found = deps.imports.get(sel.source);
    if (!found) throw new GatherError(`${sel.source} is not an open import`);
    const clusters = () => [...new Set(found.objects.map((o) => o.cluster))];
    rows = selectRows(found.objects, sel, namespaceScope(sel, deps, clusters));
  } else {
    const query = { source: sel.source, clusters: sel.clusters?.length ? sel.clusters : undefined };
    const clusters = () => {
      const seen = new Set<string>();
      for (const r of deps.store.iterate({ ...query, kinds: ['Namespace'] })) seen.add(r.cluster);
      return [...seen];
    };
    const scope = namespaceScope(sel, deps, clusters);
    if (sel.refs) {
      rows = sel.refs
        .map((r) => deps.store.get({ ...r, source: sel.source, version: '' }))
        .filter((r): r is StoredObject => r !== undefined);
    } else if (scope) {
      const namespaces = [...new Set([...scope.values()].flatMap((s) => [...s]))];
      rows = selectRows(deps.store.iterate({ ...query, namespaces }), sel, scope);
      rows.push(
        ...selectRows(deps.store.iterate({ ...query, kinds: ['Namespace'] }), sel, scope).filter(
          (r) => r.kind === 'Namespace',
        ),
      );
    } else {
      rows = [...deps.store.iterate(query)];
    }
  }

  const problems: string[] = [];
  const items: ExportItem[] = [];
  for (const row of rows) {
    let object: KubeObject = row.object;
    if (sel.source === 'live' && row.group === '' && METADATA_ONLY.has(row.kind)) {
      try {
        object = (await deps.liveBody(row.cluster, row)) as KubeObject;
      } catch (e) {
        problems.push(`${row.kind} ${row.namespace}/${row.name} on ${row.cluster}: ${(e as Error).message}`);
        continue;
      }
    }
    items.push({ cluster: row.cluster, object });
  }
  return { items, problems };
}
