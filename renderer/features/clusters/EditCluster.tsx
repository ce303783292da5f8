import { useState } from 'react';
import type { ClusterDetail } from '../../../shared/contract/fleet';
import { Button } from '../../components/Button';
import { useNoticeStore } from '../../stores/notice-store';
import { call, messageOf } from '../../lib/call';
import { formatLabels, parseLabels } from './labels';
import { useGroups } from './use-groups';

/** Rename, describe, label and move one cluster. */
export function EditCluster({ cluster, onClose }: { cluster: ClusterDetail; onClose(): void }) {
  const { groups } = useGroups();
  const [name, setName] = useState(cluster.name);
  const [description, setDescription] = useState(cluster.description);
  const [labels, setLabels] = useState(formatLabels(cluster.labels));
  const [groupId, setGroupId] = useState(cluster.groupId);
  const [error, setError] = useState<string | null>(null);
  const notice = useNoticeStore((s) => s.show);
  const save = async () => {
    const parsed = parseLabels(labels);
    if ('error' in parsed) return setError(parsed.error);
    try {
      await call('clusters.update', {
        id: cluster.id,
        name: name === cluster.name ? undefined : name,
        description,
        labels: parsed.labels,
        groupId,
      });
      notice(`Saved ${name}.`);
      onClose();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <section className="fl-panel fl-edit" aria-label="Edit cluster">
      <div className="fl-context-form">
        <label className="fl-field">
          <span>Cluster name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label="Cluster name" />
        </label>
        <label className="fl-field">
          <span>Cluster group</span>
          <select value={groupId} onChange={(e) => setGroupId(e.target.value)} aria-label="Cluster group">
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label className="fl-field fl-wide">
          <span>Description</span>
          <input
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-label="Description"
          />
        </label>
        <label className="fl-field fl-wide">
          <span>Labels (key: value, …) — flotilla.io/protected: true asks for the name before detaching</span>
          <input value={labels} onChange={(e) => setLabels(e.target.value)} aria-label="Labels" />
        </label>
      </div>
      {error ? <p className="form-error">{error}</p> : null}
      <div className="fl-dialog-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" onClick={() => void save()}>
          Save
        </Button>
      </div>
    </section>
  );
}
