import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { call } from '../../lib/call';
import { formatLabels } from '../clusters/labels';
import { CreateContainerForm } from '../clusters/NamedContainer';
import { useWorkspaces } from './use-workspaces';

/** Every workspace with its namespace and cluster counts, and a form to create one. */
export function WorkspacesList() {
  const { workspaces, error } = useWorkspaces();
  return (
    <Page
      title="Workspaces"
      description="Namespaces from many clusters, grouped by the team or application that owns them. Every managed namespace is in exactly one workspace."
      actions={<Button href="#/namespaces">Namespaces</Button>}
    >
      <CreateContainerForm
        noun="workspace"
        namePlaceholder="shop-team"
        labelsPlaceholder="owner: shop"
        create={(input) => call('workspaces.create', input)}
      />
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
