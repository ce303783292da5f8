import { useCallback, useEffect, useState } from 'react';
import type { NamespacePage, NamespaceRow } from '../../../shared/contract/workspaces';
import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { useNoticeStore } from '../../stores/notice-store';
import { call, messageOf, useEvent } from '../../lib/call';
import { isReadOnlySource, useSource } from '../../stores/source-store';
import { lastKnownNote } from '../../components/cluster-problems';
import { ExportButton } from '../manifests/ExportButton';
import { sourceArg } from '../sources/source-arg';
import { useClusterFilter } from '../sources/use-cluster-filter';
import { useFleet } from '../workloads/use-fleet';
import { AttachDialog } from './AttachDialog';
import { NamespaceTable, rowKey } from './NamespaceTable';
import { NewNamespaceDialog } from './NewNamespaceDialog';
import '../clusters/clusters.css';
import './namespaces.css';

const PAGE = 50;

/**
 * The Namespaces section: every namespace of the fleet (from the object cache) with its workspace.
 * `#/namespaces/new[/<workspaceId>]` opens "New namespace" over the list; `#/namespaces/cluster/<id>`
 * starts filtered to one cluster.
 */
export function NamespacesPage({ path = [] }: { path?: string[] }) {
  // one page per cluster link: a followed #/namespaces/cluster/<id> is read afresh (the "new"
  // dialog's routes keep the page and its filters)
  const key = path[0] === 'cluster' ? `cluster/${path[1] ?? ''}` : '';
  return <Namespaces key={key} path={path} />;
}

function Namespaces({ path }: { path: string[] }) {
  const creating = path[0] === 'new';
  const [text, setText] = useState('');
  const [managed, setManaged] = useState<'all' | 'managed' | 'unmanaged'>('all');
  const source = useSource();
  const readOnly = isReadOnlySource(source);
  // a cluster id is the source's own: the filter follows the cluster by name when the source changes
  const { clusters, cluster, setCluster } = useClusterFilter(
    source,
    path[0] === 'cluster' ? (path[1] ?? '') : '',
  );
  // live clusters that are not ready: their namespaces are as they last reported them
  const fleet = useFleet(source).clusters;
  const states = new Map(fleet.map((c) => [c.id, c]));
  const stale = readOnly ? null : lastKnownNote(cluster ? fleet.filter((c) => c.id === cluster) : fleet);
  const [hideSystem, setHideSystem] = useState(false);
  const [hideFlotilla, setHideFlotilla] = useState(false);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<NamespacePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Map<string, NamespaceRow>>(new Map());
  const [attaching, setAttaching] = useState(false);
  const notice = useNoticeStore((s) => s.show);

  const reload = useCallback(() => {
    call('namespaces.list', {
      text: text || undefined,
      clusters: cluster ? [cluster] : undefined,
      managed,
      hideSystem,
      hideFlotilla,
      offset,
      limit: PAGE,
      ...sourceArg(source),
    }).then(
      (p) => {
        setPage(p);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [text, cluster, managed, hideSystem, hideFlotilla, offset, source]);
  useEffect(reload, [reload]);
  useEvent('workspaces.changed', reload);
  useEvent('clusters.changed', reload);
  useEvent('objects.changed', (n) => {
    if (n.source === source && n.changes.some((c) => c.kind === 'Namespace' || c.kind === '*')) reload();
  });

  const toggle = (r: NamespaceRow) =>
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(rowKey(r))) next.delete(rowKey(r));
      else next.set(rowKey(r), r);
      return next;
    });
  const toggleAll = (on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      for (const r of page?.items ?? []) {
        if (on) next.set(rowKey(r), r);
        else next.delete(rowKey(r));
      }
      return next;
    });
  const release = async () => {
    try {
      const { released } = await call('namespaces.release', {
        namespaces: [...selected.values()].map(({ cluster, name }) => ({ cluster, name })),
      });
      notice(`${released} namespace${released === 1 ? ' is' : 's are'} no longer managed.`);
      setSelected(new Map());
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const filter = (fn: () => void) => {
    fn();
    setOffset(0);
  };

  const none = selected.size === 0 ? 'Select namespaces in the table first.' : undefined;
  const total = page?.total ?? 0;
  return (
    <Page
      title="Namespaces"
      description={
        readOnly
          ? 'The namespaces of the clusters in this snapshot, as they were when it was taken.'
          : 'The namespaces of every attached cluster and the workspace each belongs to.'
      }
      actions={
        readOnly ? (
          <ExportButton
            title="Export namespaces"
            fileName="namespaces"
            targets={{ source, clusters: cluster ? [cluster] : undefined }}
          />
        ) : (
          <>
            <ExportButton
              title="Export namespaces"
              fileName="namespaces"
              targets={{
                source,
                pairs: [...selected.values()].map((r) => ({ cluster: r.cluster, namespace: r.name })),
              }}
              disabledReason={none}
            />
            <Button disabledReason={none} onClick={() => setAttaching(true)}>
              Attach namespaces{selected.size ? ` (${selected.size})` : ''}
            </Button>
            <Button disabledReason={none} onClick={() => void release()}>
              Remove from workspace
            </Button>
            <Button variant="primary" href={hrefFor('namespaces', 'new')}>
              New namespace
            </Button>
          </>
        )
      }
    >
      {page && page.all === 0 && !creating ? (
        <EmptyState
          icon="namespaces"
          title="No namespaces to show"
          actions={<Button href={hrefFor('clusters')}>Go to Clusters</Button>}
        >
          <p>
            Namespaces appear here once a cluster is attached and its objects are read. You can then attach
            them to a workspace, or create new ones on a cluster.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="fl-ns-toolbar">
            <input
              type="search"
              placeholder="Filter by name or label"
              aria-label="Filter namespaces"
              value={text}
              onChange={(e) => filter(() => setText(e.target.value))}
            />
            <select
              aria-label="Cluster"
              value={cluster}
              onChange={(e) => filter(() => setCluster(e.target.value))}
            >
              <option value="">All clusters</option>
              {clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <select
              aria-label="Managed"
              value={managed}
              onChange={(e) => filter(() => setManaged(e.target.value as typeof managed))}
            >
              <option value="all">Managed or not</option>
              <option value="managed">Managed</option>
              <option value="unmanaged">Not managed</option>
            </select>
            <label>
              <input
                type="checkbox"
                checked={hideFlotilla}
                onChange={(e) => filter(() => setHideFlotilla(e.target.checked))}
              />
              Hide Flotilla namespaces
            </label>
            <label>
              <input
                type="checkbox"
                checked={hideSystem}
                onChange={(e) => filter(() => setHideSystem(e.target.checked))}
              />
              Hide system namespaces
            </label>
          </div>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          {stale ? (
            <p className="fl-stale-note" role="note" data-testid="last-known">
              {stale}
            </p>
          ) : null}
          <NamespaceTable
            rows={page?.items ?? []}
            clusterState={readOnly ? undefined : (id) => states.get(id)}
            label="Namespaces"
            selected={readOnly ? undefined : new Set(selected.keys())}
            onToggle={readOnly ? undefined : toggle}
            onToggleAll={readOnly ? undefined : toggleAll}
          />
          <div className="fl-ns-pager" data-testid="namespace-count">
            <span>
              {total === 0 ? '0' : `${offset + 1} to ${Math.min(offset + PAGE, total)}`} of {total} Namespaces
            </span>
            <Button
              disabledReason={offset === 0 ? 'This is the first page.' : undefined}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              Previous
            </Button>
            <Button
              disabledReason={offset + PAGE >= total ? 'This is the last page.' : undefined}
              onClick={() => setOffset(offset + PAGE)}
            >
              Next
            </Button>
          </div>
        </>
      )}
      {creating && !readOnly ? (
        <NewNamespaceDialog
          workspaceId={path[1]}
          onClose={() => {
            window.location.hash = hrefFor('namespaces');
            reload();
          }}
        />
      ) : null}
      {attaching ? (
        <AttachDialog
          namespaces={[...selected.values()]}
          onClose={(done) => {
            setAttaching(false);
            if (done) setSelected(new Map());
          }}
        />
      ) : null}
    </Page>
  );
}
