import { useState } from 'react';
import { formatCpu, formatMemory, type GroupRow } from '../../../shared/contract/fleet';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { useNoticeStore } from '../../stores/notice-store';
import { ClusterList } from '../clusters/ClusterList';
import { call, messageOf } from '../../lib/call';
import { formatLabels, parseLabels } from '../clusters/labels';
import { createListStore } from '../clusters/list-store';
import { useGroups } from '../clusters/use-groups';
import '../clusters/clusters.css';

function GroupEditor({ group }: { group: GroupRow }) {
  const [name, setName] = useState(group.name);
  const [description, setDescription] = useState(group.description);
  const [labels, setLabels] = useState(formatLabels(group.labels));
  const [error, setError] = useState<string | null>(null);
  const notice = useNoticeStore((s) => s.show);
  const save = async () => {
    const parsed = parseLabels(labels);
    if ('error' in parsed) return setError(parsed.error);
    try {
      await call('groups.update', {
        id: group.id,
        name: name === group.name ? undefined : name,
        description,
        labels: parsed.labels,
      });
      setError(null);
      notice(`Saved ${name}.`);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <div className="fl-group-edit">
        <label className="fl-field">
          <span>Name</span>
          <input
            value={name}
            disabled={group.id === 'default'}
            onChange={(e) => setName(e.target.value)}
            aria-label="Group name"
          />
        </label>
        <label className="fl-field">
          <span>Description</span>
          <input
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-label="Group description"
          />
        </label>
        <label className="fl-field">
          <span>Labels</span>
          <input value={labels} onChange={(e) => setLabels(e.target.value)} aria-label="Group labels" />
        </label>
        <div>
          <Button onClick={() => void save()}>Save</Button>
        </div>
      </div>
      {error ? <p className="form-error">{error}</p> : null}
    </>
  );
}

/** A group's page: its details, totals and clusters (move them, detach them), and delete. */
export function GroupPage({ id }: { id: string }) {
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
          {group.id === 'default' ? null : (
            <Button onClick={() => (group.clusters === 0 ? void remove(false) : setConfirm(true))}>
              Delete group…
            </Button>
          )}
        </>
      }
    >
      <GroupEditor key={group.id + group.name} group={group} />
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
        <div className="fl-overlay" role="presentation" onClick={() => setConfirm(false)}>
          <div
            className="fl-dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby="del-title"
            onClick={(e) => e.stopPropagation()}
          >
            <h2 id="del-title">Delete {group.name}?</h2>
            <p>
              It still has {group.clusters} cluster{group.clusters === 1 ? '' : 's'}. They will be moved to
              the <strong>default</strong> group; nothing changes on the clusters.
            </p>
            <div className="fl-dialog-actions">
              <Button onClick={() => setConfirm(false)}>Cancel</Button>
              <Button variant="primary" onClick={() => void remove(true)}>
                Move clusters to default and delete
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </Page>
  );
}
