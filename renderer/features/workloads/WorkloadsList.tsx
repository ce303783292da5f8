import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { parseSelector } from '../../../shared/objects/selector';
import { WORKLOAD_KINDS, type WorkloadKind } from '../../../shared/workloads/kinds';
import { parseOwner } from '../../../shared/workloads/links';
import { call, messageOf, useEvent } from '../../lib/call';
import { isReadOnlySource, useSource } from '../../stores/source-store';
import { lastKnownCell, lastKnownNote } from '../../components/cluster-problems';
import { carryClusterFilter, type ClusterFilter } from '../sources/cluster-filter';
import { useClusterFilter } from '../sources/use-cluster-filter';
import { createWorkloadList, defaultFilter } from './list-store';
import { toCount } from './query';
import { useFleet } from './use-fleet';
import { useWorkspaceFilter } from './use-workspaces';
import { EmptyState } from '../../components/EmptyState';
import { Button } from '../../components/Button';
import { WorkloadTable } from './WorkloadTable';
import { ExportButton } from '../manifests/ExportButton';
import { filteredRefs, EXPORT_MAX } from './export-refs';

function selectorProblem(text: string): string | null {
  if (!text.trim()) return null;
  try {
    parseSelector(text);
    return null;
  } catch (error) {
    return messageOf(error);
  }
}

/** The Workloads list of one kind: kind tabs, filters, the count and the virtualised table. */
export function WorkloadsList({ kind, filters }: { kind: WorkloadKind; filters: Record<string, string> }) {
  const [selector, setSelector] = useState(filters.labelSelector ?? '');
  const [text, setText] = useState(filters.text ?? '');
  const source = useSource();
  const { clusters, groups } = useFleet(source);
  // ids are the source's own: the cluster and the group follow their name when the source changes
  const { cluster, setCluster } = useClusterFilter(source, filters.cluster ?? '');
  const [group, setGroup] = useState<ClusterFilter>({ id: filters.group ?? '' });
  const groupId = carryClusterFilter(group, groups).id;
  const picked = groupId ? clusters.filter((c) => c.groupId === groupId).map((c) => c.id) : null;
  const wanted = picked ?? (cluster ? [cluster] : null);
  const routeKey = `${kind.kind}|${source}|${JSON.stringify(filters)}`;
  const store = useMemo(
    () =>
      createWorkloadList({
        ...defaultFilter(kind.kind, source),
        clusters: wanted,
        workspace: filters.workspace ?? '',
        namespace: filters.namespace ?? '',
        labelSelector: filters.labelSelector ?? '',
        text: filters.text ?? '',
        nodeName: filters.node ?? '',
        status: filters.status ?? '',
        owner: parseOwner(filters.owner),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one store per route (kind, source and filters)
    [routeKey],
  );
  const wantedKey = JSON.stringify(wanted);
  useEffect(() => {
    if (JSON.stringify(store.getState().filter.clusters) !== wantedKey)
      store.getState().setFilter({ clusters: JSON.parse(wantedKey) as string[] | null });
  }, [store, wantedKey]);
  const filter = useStore(store, (s) => s.filter);
  const total = useStore(store, (s) => s.total);
  const loaded = useStore(store, (s) => s.loaded);
  const error = useStore(store, (s) => s.error);
  const problem = selectorProblem(selector);
  const [namespaces, setNamespaces] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<Record<string, number>>({});
  const { workspaces, pick: pickWorkspace } = useWorkspaceFilter(store);

  useEffect(() => {
    let live = true;
    if (filter.workspace && filter.scopes === null) return;
    call('objects.count', toCount(filter, 'namespace')).then(
      (counts) => live && setNamespaces(Object.keys(counts).sort()),
      () => undefined,
    );
    call('objects.count', toCount(filter, 'status')).then(
      (counts) => live && setStatuses(counts),
      () => undefined,
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the pickers depend on these fields only
  }, [filter.kind, filter.source, filter.clusters, filter.workspace, filter.scopes]);

  // typing settles for a moment before the query runs
  useEffect(() => {
    const t = setTimeout(() => {
      if (text !== store.getState().filter.text) store.getState().setFilter({ text });
    }, 250);
    return () => clearTimeout(t);
  }, [text, store]);
  useEffect(() => {
    const t = setTimeout(() => {
      if (!problem && selector !== store.getState().filter.labelSelector)
        store.getState().setFilter({ labelSelector: selector });
    }, 300);
    return () => clearTimeout(t);
  }, [selector, problem, store]);

  useEvent('objects.changed', (notice) => {
    if (notice.source !== source) return;
    if (notice.changes.some((c) => c.kind === kind.kind || c.kind === '*')) store.getState().refresh();
  });

  const byId = useMemo(() => new Map(clusters.map((c) => [c.id, c])), [clusters]);
  // a live cluster that is not ready: its rows are what it last reported (a snapshot is as captured)
  const live = !isReadOnlySource(source);
  const clusterName = (id: string): ReactNode => {
    const c = byId.get(id);
    const mark = c && live ? lastKnownCell(c) : null;
    return mark ? (
      <span title={mark.title} data-last-known="">
        {mark.text}
      </span>
    ) : (
      (c?.name ?? id)
    );
  };
  const stale = live
    ? lastKnownNote(wanted ? clusters.filter((c) => wanted.includes(c.id)) : clusters)
    : null;
  const pickGroup = (id: string) => {
    setGroup({ id, name: groups.find((g) => g.id === id)?.name });
    setCluster('');
  };
  const inGroup = groupId ? clusters.filter((c) => c.groupId === groupId) : clusters;
  const noun = total === 1 ? kind.kind : kind.label;

  if (clusters.length === 0 && loaded && !error && total === 0) {
    return (
      <EmptyState
        icon="workloads"
        title="No workloads to show"
        actions={<Button href="#/clusters">Go to Clusters</Button>}
      >
        No cluster is attached: attach one from a kubeconfig, or start the demo fleet, in Clusters.
        Deployments, stateful sets, daemon sets, jobs, cron jobs and pods of every cluster then show here.
      </EmptyState>
    );
  }

  return (
    <div className="wl-list">
      <nav className="wl-tabs" aria-label="Workload kinds">
        {WORKLOAD_KINDS.map((k) => (
          <a
            key={k.slug}
            href={`#/workloads/${k.slug}`}
            className={`wl-tab${k.slug === kind.slug ? ' wl-tab-on' : ''}`}
            aria-current={k.slug === kind.slug ? 'page' : undefined}
          >
            {k.label}
          </a>
        ))}
      </nav>
      <div className="wl-filters" role="search">
        <label>
          <span>Cluster group</span>
          <select value={groupId} onChange={(e) => pickGroup(e.target.value)}>
            <option value="">All groups</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Cluster</span>
          <select
            value={groupId ? '' : cluster}
            onChange={(e) => {
              setGroup({ id: '' });
              setCluster(e.target.value);
            }}
          >
            <option value="">{groupId ? 'Clusters of the group' : 'All clusters'}</option>
            {inGroup.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Workspace</span>
          <select value={filter.workspace} onChange={(e) => pickWorkspace(e.target.value)}>
            <option value="">All workspaces</option>
            {[
              ...workspaces,
              ...(filter.workspace && !workspaces.some((w) => w.id === filter.workspace)
                ? [{ id: filter.workspace, name: filter.workspace, namespaces: 0 }]
                : []),
            ].map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} ({w.namespaces} namespace{w.namespaces === 1 ? '' : 's'})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Namespace</span>
          <select
            value={filter.namespace}
            onChange={(e) => store.getState().setFilter({ namespace: e.target.value })}
          >
            <option value="">All namespaces</option>
            {[...new Set([...namespaces, ...(filter.namespace ? [filter.namespace] : [])])].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Status</span>
          <select
            value={filter.status}
            onChange={(e) => store.getState().setFilter({ status: e.target.value })}
          >
            <option value="">Any status</option>
            {[...new Set([...Object.keys(statuses).sort(), ...(filter.status ? [filter.status] : [])])].map(
              (s) => (
                <option key={s} value={s}>
                  {s} ({statuses[s] ?? 0})
                </option>
              ),
            )}
          </select>
        </label>
        <label className="wl-grow wl-selector">
          <span>Label selector</span>
          <input
            type="text"
            value={selector}
            placeholder="app=web, tier in (front, back), !legacy"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'wl-selector-problem' : undefined}
            onChange={(e) => setSelector(e.target.value)}
          />
        </label>
        <label className="wl-grow">
          <span>Name</span>
          <input
            type="search"
            value={text}
            placeholder="Filter by name"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
      </div>
      {problem ? (
        <p id="wl-selector-problem" className="wl-error" role="alert" data-testid="selector-problem">
          Label selector: {problem}
        </p>
      ) : null}
      {filter.owner || filter.nodeName ? (
        <p className="wl-chips">
          {filter.owner ? (
            <span className="wl-chip">
              Controlled by {filter.owner.kind} {filter.owner.name}
              <button
                type="button"
                aria-label="Clear the owner filter"
                onClick={() => store.getState().setFilter({ owner: undefined })}
              >
                ×
              </button>
            </span>
          ) : null}
          {filter.nodeName ? (
            <span className="wl-chip">
              On node {filter.nodeName}
              <button
                type="button"
                aria-label="Clear the node filter"
                onClick={() => store.getState().setFilter({ nodeName: '' })}
              >
                ×
              </button>
            </span>
          ) : null}
        </p>
      ) : null}
      <div className="wl-count-bar">
        <p className="wl-count" data-testid="workload-count" aria-live="polite">
          {error ? (
            <span className="wl-error">{error}</span>
          ) : loaded ? (
            `${total.toLocaleString('en-US')} ${noun.toLowerCase()}`
          ) : (
            'Loading…'
          )}
        </p>
        <ExportButton
          label="Export YAML…"
          title={`Export these ${noun.toLowerCase()}`}
          fileName={`${kind.slug}`}
          targets={{ source: filter.source, refs: () => filteredRefs(filter) }}
          disabledReason={
            !loaded || total === 0
              ? 'Nothing to export'
              : total > EXPORT_MAX
                ? `Narrow the filters: at most ${EXPORT_MAX.toLocaleString('en-US')} objects are exported at once`
                : undefined
          }
        />
      </div>
      {stale ? (
        <p className="fl-stale-note" role="note" data-testid="last-known">
          {stale}
        </p>
      ) : null}
      {loaded && !error && total === 0 ? (
        <p className="wl-muted wl-empty">
          {filter.workspace && filter.scopes?.length === 0 ? (
            <>
              This workspace has no namespaces yet: create or attach some in{' '}
              <a href={`#/namespaces`}>Namespaces</a>.
            </>
          ) : (
            `No ${kind.label.toLowerCase()} match these filters.`
          )}
        </p>
      ) : (
        <WorkloadTable kind={kind} store={store} clusterName={clusterName} />
      )}
    </div>
  );
}
