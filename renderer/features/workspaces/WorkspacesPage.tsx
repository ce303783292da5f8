import { WorkspaceDetail } from './WorkspaceDetail';
import { WorkspacesList } from './WorkspacesList';
import '../clusters/clusters.css';
import '../namespaces/namespaces.css';

/** The Workspaces section: `#/workspaces` (all), `#/workspaces/<id>` (one, with its namespaces). */
export function WorkspacesPage({ path = [] }: { path?: string[] }) {
  const [id] = path;
  return id ? <WorkspaceDetail key={id} id={id} /> : <WorkspacesList />;
}
