import { useEffect, useId, useState } from 'react';
import type { NamespaceRow } from '../../../shared/contract/workspaces';
import { call } from '../../lib/call';
import { useSource } from '../../stores/source-store';
import { KIND_LABELS, type ScopeDraft, type ScopeKind } from './scope';
import type { ScopeLists } from './use-scope-names';

const KINDS: ScopeKind[] = ['fleet', 'group', 'cluster', 'workspace', 'namespace', 'source'];

/** Picks what to inspect: the fleet, a group, a cluster, a workspace, a namespace or the open snapshot/import. */
export function ScopePicker({
  draft,
  onChange,
  lists,
  kinds = KINDS,
}: {
  draft: ScopeDraft;
  onChange(d: ScopeDraft): void;
  lists: ScopeLists;
  kinds?: ScopeKind[];
}) {
  const ids = useId();
  const source = useSource();
  const [namespaces, setNamespaces] = useState<NamespaceRow[]>([]);
  useEffect(() => {
    if (draft.kind !== 'namespace' || !draft.cluster) return;
    let stale = false;
    call('namespaces.list', { clusters: [draft.cluster], limit: 1000 }).then(
      (p) => !stale && setNamespaces(p.items),
      () => !stale && setNamespaces([]),
    );
    return () => {
      stale = true;
    };
  }, [draft.kind, draft.cluster]);

  const sourceLabel =
    source === 'live' ? undefined : (lists.sources.find((s) => s.id === source)?.label ?? source);
  const setKind = (kind: ScopeKind) =>
    onChange({ kind, target: kind === 'source' ? source : '', cluster: '', namespace: '' });
  const options = (rows: { id: string; name: string }[]) =>
    rows.map((r) => (
      <option key={r.id} value={r.id}>
        {r.name}
      </option>
    ));

  return (
    <div className="in-scope" role="group" aria-label="Scope">
      <label>
        Scope
        <select value={draft.kind} onChange={(e) => setKind(e.target.value as ScopeKind)}>
          {kinds.map((k) => (
            <option key={k} value={k} disabled={k === 'source' && !sourceLabel}>
              {k === 'source' && sourceLabel ? sourceLabel : KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {draft.kind === 'group' || draft.kind === 'cluster' || draft.kind === 'workspace' ? (
        <label>
          {KIND_LABELS[draft.kind]}
          <select value={draft.target} onChange={(e) => onChange({ ...draft, target: e.target.value })}>
            <option value="">Pick one…</option>
            {options(
              draft.kind === 'group'
                ? lists.groups
                : draft.kind === 'cluster'
                  ? lists.clusters
                  : lists.workspaces,
            )}
          </select>
        </label>
      ) : null}
      {draft.kind === 'namespace' ? (
        <>
          <label>
            Cluster
            <select
              value={draft.cluster}
              onChange={(e) => onChange({ ...draft, cluster: e.target.value, namespace: '' })}
            >
              <option value="">Pick one…</option>
              {options(lists.clusters)}
            </select>
          </label>
          <label>
            Namespace
            <input
              list={`${ids}-ns`}
              value={draft.namespace}
              placeholder={draft.cluster ? 'e.g. default' : 'pick a cluster first'}
              onChange={(e) => onChange({ ...draft, namespace: e.target.value })}
            />
            <datalist id={`${ids}-ns`}>
              {namespaces.map((n) => (
                <option key={n.name} value={n.name} />
              ))}
            </datalist>
          </label>
        </>
      ) : null}
    </div>
  );
}
