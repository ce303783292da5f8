import { useState } from 'react';
import { formatCpu, formatMemory } from '../../../shared/contract/fleet';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { call, messageOf } from '../../lib/call';
import { isReadOnlySource, useSource } from '../../stores/source-store';
import { ClusterList } from '../clusters/ClusterList';
import { createListStore } from '../clusters/list-store';
import { ContainerEditor, DeleteContainerDialog } from '../clusters/NamedContainer';
import { useGroups } from '../clusters/use-groups';
import { CaptureButton } from '../sources/CaptureDialog';
import { carryClusterFilter } from '../sources/cluster-filter';
import { useSourceView } from '../sources/sources-store';
import { snapshotGroups } from './snapshot-groups';
import '../clusters/clusters.css';

/** A group as a snapshot knows it: its name, and the clusters listed under it. */
function SnapshotGroupPage({ id, source }: { id: string; source: string }) {
  const view = useSourceView(source);
  const [store] = useState(() => createListStore({ groupId: id, source }));
  const members = view?.clusters.filter((c) => c.group === id) ?? [];
  return (
    <Page
      title={id}
      description="Cluster group, as captured in this snapshot"
      actions={
        <>
          <Button href="#/cluster-groups">All groups</Button>
          <Button href={`#/clusters/heatmap/group/${encodeURIComponent(id)}`}>Node heatmap</Button>
        </>
      }
    >
      <div className="fl-totals" data-testid="group-totals">
        <div>
          <span className="fl-muted">Clusters</span>
          <strong>{members.length}</strong>
        </div>
        <div>
          <span className="fl-muted">Nodes</span>
          <strong>{members.reduce((n, c) => n + c.nodes, 0)}</strong>
        </div>
        <div>
          <span className="fl-muted">Objects</span>
          <strong>{members.reduce((n, c) => n + c.objects, 0).toLocaleString('en')}</strong>
        </div>
      </div>
      <ClusterList store={store} fixedGroup={id} />
    </Page>
  );
}

/** A group's page: its details, totals and clusters (move them, detach them), and delete. */
function LiveGroupPage({ id }: { id: string }) {
  const { groups } = useGroups();
  const [store] = useState(() => createListStore({ groupId: id }));
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const group = groups.find((g) => g.id === id);
  if (!group) {
    return (
      <Page title="Cluster group" actions={<Button href="#/cluster-groups">All groups</Button>}>
        <p className="fl-muted">{groups.length ? `No cluster group with id ${id}.` : 'Loading…'}</p>
      </Page>
    );
  }
  const remove = async (moveClustersToDefault: boolean) => {
    try {
      await call('groups.delete', { id, moveClustersToDefault });
      window.location.hash = '#/cluster-groups';
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Page
      title={group.name}
      description={group.description || 'Cluster group'}
      actions={
        <>
          <Button href="#/cluster-groups">All groups</Button>
          <Button href={`#/clusters/heatmap/group/${encodeURIComponent(group.id)}`}>Node heatmap</Button>
          <CaptureButton scope={{ kind: 'group', name: group.id }} name={group.name} />
          {group.id === 'default' ? null : (
            <Button onClick={() => (group.clusters === 0 ? void remove(false) : setConfirm(true))}>
              Delete group…
            </Button>
          )}
        </>
      }
    >
      <ContainerEditor
        key={group.id + group.name}
        noun="Group"
        item={group}
        save={(patch) => call('groups.update', { id: group.id, ...patch })}
      />
      <div className="fl-totals" data-testid="group-totals">
        <div>
          <span className="fl-muted">Clusters</span>
          <strong>{group.clusters}</strong>
        </div>
        <div>
          <span className="fl-muted">Ready</span>
          <strong>{group.ready}</strong>
        </div>
        <div>
          <span className="fl-muted">Nodes</span>
          <strong>{group.nodes}</strong>
        </div>
        <div>
          <span className="fl-muted">Allocated CPU</span>
          <strong>{group.cpu.allocatable > 0 ? formatCpu(group.cpu) : '--'}</strong>
        </div>
        <div>
          <span className="fl-muted">Allocated memory</span>
          <strong>{group.memory.allocatable > 0 ? formatMemory(group.memory) : '--'}</strong>
        </div>
      </div>
      {error ? <p className="form-error">{error}</p> : null}
      <ClusterList store={store} fixedGroup={id} />
      {confirm ? (
        <DeleteContainerDialog
          name={group.name}
          confirmText="Move clusters to default and delete"
          onCancel={() => setConfirm(false)}
          onConfirm={() => void remove(true)}
        >
          It still has {group.clusters} cluster{group.clusters === 1 ? '' : 's'}. They will be moved to the{' '}
          <strong>default</strong> group; nothing changes on the clusters.
        </DeleteContainerDialog>
      ) : null}
    </Page>
  );
}

/**
 * `#/cluster-groups/<id>`: the group of the source shown. A group's id is its source's own (a live
 * group's id, a snapshot's group name): an id of the other source names the group of the same name.
 */
export function GroupPage({ id }: { id: string }) {
  const source = useSource();
  const view = useSourceView(source);
  // the live groups, to know the name of a live id on a snapshot (and the id of a name on live)
  const live = useGroups().groups.map((g) => ({ id: g.id, name: g.name }));
  if (!isReadOnlySource(source)) {
    const target = carryClusterFilter({ id }, live).id || id;
    return <LiveGroupPage key={target} id={target} />;
  }
  const name = live.find((g) => g.id === id)?.name ?? id;
  const here = snapshotGroups(view).map((g) => ({ id: g.name, name: g.name }));
  const target = carryClusterFilter({ id, name }, here).id;
  if (view && !target) {
    return (
      <Page title={name} actions={<Button href="#/cluster-groups">All groups</Button>}>
        <p className="fl-muted" data-testid="group-missing">
          This snapshot has no cluster group {name}.
        </p>
      </Page>
    );
  }
  return <SnapshotGroupPage key={`${source}/${target}`} id={target || id} source={source} />;
}
