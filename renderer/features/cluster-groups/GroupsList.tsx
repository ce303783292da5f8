import { useState } from 'react';
import { formatCpu, formatMemory } from '../../../shared/contract/fleet';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { call, messageOf } from '../../lib/call';
import { formatLabels, parseLabels } from '../clusters/labels';
import { useGroups } from '../clusters/use-groups';

/** Every cluster group with its totals, and a form to create one. */
export function GroupsList() {
  const { groups, error } = useGroups();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [labels, setLabels] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const create = async () => {
    const parsed = parseLabels(labels);
    if ('error' in parsed) return setFormError(parsed.error);
    try {
      await call('groups.create', { name, description, labels: parsed.labels });
      setName('');
      setDescription('');
      setLabels('');
      setFormError(null);
    } catch (e) {
      setFormError(messageOf(e));
    }
  };
  return (
    <Page
      title="Cluster groups"
      description="Clusters are organised in groups; every cluster is in exactly one (default unless moved)."
    >
      <form
        className="fl-groups-create"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="fl-field">
          <span>New group name</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="team-a"
            aria-label="New group name"
          />
        </label>
        <label className="fl-field">
          <span>Description</span>
          <input
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-label="New group description"
          />
        </label>
        <label className="fl-field">
          <span>Labels</span>
          <input
            value={labels}
            onChange={(e) => setLabels(e.target.value)}
            placeholder="owner: team-a"
            aria-label="New group labels"
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
          Create group
        </button>
      </form>
      {formError ? <p className="form-error">{formError}</p> : null}
      {error ? <p className="form-error">{error}</p> : null}
      <table className="table fl-groups-table" aria-label="Cluster groups">
        <thead>
          <tr>
            <th>Name</th>
            <th>Description</th>
            <th>Clusters</th>
            <th>Ready</th>
            <th>Nodes</th>
            <th>Allocated CPU</th>
            <th>Allocated memory</th>
            <th>Labels</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id} data-group={g.name}>
              <td>
                <a href={`#/cluster-groups/${encodeURIComponent(g.id)}`}>
                  <strong>{g.name}</strong>
                </a>
              </td>
              <td>{g.description}</td>
              <td>{g.clusters}</td>
              <td>{g.ready}</td>
              <td>{g.nodes}</td>
              <td>{g.cpu.allocatable > 0 ? formatCpu(g.cpu) : '--'}</td>
              <td>{g.memory.allocatable > 0 ? formatMemory(g.memory) : '--'}</td>
              <td>{formatLabels(g.labels)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Button href="#/clusters/attach">Attach clusters</Button>
      </p>
    </Page>
  );
}
