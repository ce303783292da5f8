import { useKubeconfigDrop } from '../clusters/use-kubeconfig-drop';
import { GroupPage } from './GroupPage';
import { GroupsList } from './GroupsList';
import '../clusters/clusters.css';

/** The Cluster groups section: `#/cluster-groups` (all groups), `#/cluster-groups/<id>` (one group). */
export function ClusterGroupsPage({ path = [] }: { path?: string[] }) {
  useKubeconfigDrop();
  const [id] = path;
  return id ? <GroupPage key={id} id={id} /> : <GroupsList />;
}
