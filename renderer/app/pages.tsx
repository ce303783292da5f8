import type { ComponentType } from 'react';
import { ClusterGroupsPage } from '../features/cluster-groups/ClusterGroupsPage';
import { ClustersPage } from '../features/clusters/ClustersPage';
import { CostPage } from '../features/cost/CostPage';
import { InspectionsPage } from '../features/inspections/InspectionsPage';
import { MeshPage } from '../features/mesh/MeshPage';
import { NamespacesPage } from '../features/namespaces/NamespacesPage';
import { PoliciesPage } from '../features/policies/PoliciesPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { WorkloadsPage } from '../features/workloads/WorkloadsPage';
import { WorkspacesPage } from '../features/workspaces/WorkspacesPage';
import type { SectionId } from './sections';

/** The page component of each section. A section's sub-path is the page's own business. */
export const pages: Record<SectionId, ComponentType<{ path: string[] }>> = {
  'cluster-groups': ClusterGroupsPage,
  clusters: ClustersPage,
  workspaces: WorkspacesPage,
  namespaces: NamespacesPage,
  workloads: WorkloadsPage,
  policies: PoliciesPage,
  inspections: InspectionsPage,
  mesh: MeshPage,
  cost: CostPage,
  settings: SettingsPage,
};
