import { useState } from 'react';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { call, messageOf } from '../../lib/call';
import { formatLabels, parseLabels } from '../clusters/labels';
import { useWorkspaces } from './use-workspaces';

/** Every workspace with its namespace and cluster counts, and a form to create one. */
export function WorkspacesList() {
  const { workspaces, error } = useWorkspaces();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [labels, setLabels] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const create = async () => {
    const parsed = parseLabels(labels);
    if ('error' in parsed) return setFormError(parsed.error);
    try {
      await call('workspaces.create', { name: name.trim(), description, labels: parsed.labels });
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
      title="Workspaces"
      description="Namespaces from many clusters, grouped by the team or application that owns them. Every managed namespace is in exactly one workspace."
      actions={<Button href="#/namespaces">Namespaces</Button>}
    >
      <form
        className="fl-groups-create"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="fl-field">
          <span>New workspace name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="shop-team" />
        </label>
        <label className="fl-field">
          <span>Description</span>
          <input value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label className="fl-field">
          <span>Labels</span>
          <input value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="owner: shop" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
          Create workspace
        </button>
      </form>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      {error ? <p className="form-error">{error}</p> : null}
      <table className="table" aria-label="Workspaces">
        <thead>
          <tr>
            <th>Name</th>
            <th>Description</th>
            <th>Namespaces</th>
            <th>Clusters</th>
            <th>Labels</th>
          </tr>
        </thead>
        <tbody>
          {workspaces.map((w) => (
            <tr key={w.id} data-workspace={w.name}>
              <td>
                <a href={`#/workspaces/${encodeURIComponent(w.id)}`}>
                  <strong>{w.name}</strong>
                </a>
              </td>
              <td>{w.description}</td>
              <td data-col="namespaces">{w.namespaces}</td>
              <td>{w.clusters}</td>
              <td>{formatLabels(w.labels)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}
