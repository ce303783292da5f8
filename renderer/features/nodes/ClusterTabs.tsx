import { listHref } from '../../../shared/workloads/kinds';
import './nodes.css';

/**
 * The cluster page's tabs, as in the reference deck: Overview and Nodes are hash routes of the
 * cluster; Namespaces and Workloads open those sections filtered to the cluster.
 */
export function ClusterTabs({ id, active }: { id: string; active: 'overview' | 'nodes' }) {
  const base = `#/clusters/${encodeURIComponent(id)}`;
  const tabs = [
    { key: 'overview', label: 'Overview', href: base },
    { key: 'nodes', label: 'Nodes', href: `${base}/nodes` },
    { key: 'namespaces', label: 'Namespaces', href: `#/namespaces/cluster/${encodeURIComponent(id)}` },
    { key: 'workloads', label: 'Workloads', href: listHref('deployments', { cluster: id }) },
  ] as const;
  return (
    <nav className="fl-tabs" aria-label="Cluster views">
      {tabs.map((t) =>
        t.key === active ? (
          <span key={t.key} className="fl-tab fl-tab-active" aria-current="page">
            {t.label}
          </span>
        ) : (
          <a key={t.key} className="fl-tab" href={t.href}>
            {t.label}
          </a>
        ),
      )}
    </nav>
  );
}
