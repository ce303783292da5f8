import type { InspectionRunDetail } from '../../../shared/contract/inspections';
import {
  CATEGORIES,
  CLUSTER_SCOPED,
  SEVERITIES,
  emptyFilter,
  isFiltered,
  type FindingFilter,
} from './filters';

const KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Pod',
  'ReplicaSet',
  'Service',
  'Namespace',
  'Node',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'Ingress',
  'Event',
];

/** Severity, category, check, cluster, namespace, kind and text filters over a run's findings. */
export function FindingFiltersBar({
  filter,
  onChange,
  detail,
}: {
  filter: FindingFilter;
  onChange(f: FindingFilter): void;
  detail: Pick<InspectionRunDetail, 'byCheck' | 'byCluster' | 'byNamespace'>;
}) {
  const set = (patch: Partial<FindingFilter>) => onChange({ ...filter, ...patch });
  const namespaces = detail.byNamespace.filter((n) => !filter.cluster || n.cluster === filter.cluster);
  const nsNames = [...new Set(namespaces.map((n) => n.namespace))].sort();
  return (
    <div className="in-filters" role="search" aria-label="Filter findings">
      <fieldset className="in-sevpick">
        <legend>Severity</legend>
        {SEVERITIES.map((s) => (
          <label key={s} className={`in-sev in-sev-${s}`}>
            <input
              type="checkbox"
              checked={filter.severities.includes(s)}
              onChange={(e) =>
                set({
                  severities: e.target.checked
                    ? [...filter.severities, s]
                    : filter.severities.filter((x) => x !== s),
                })
              }
            />
            {s}
          </label>
        ))}
      </fieldset>
      <label>
        Category
        <select value={filter.category} onChange={(e) => set({ category: e.target.value })}>
          <option value="">All</option>
          {CATEGORIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        Check
        <select value={filter.check} onChange={(e) => set({ check: e.target.value })}>
          <option value="">All</option>
          {[...detail.byCheck]
            .sort((a, b) => a.title.localeCompare(b.title))
            .map((c) => (
              <option key={c.key} value={c.key}>
                {c.title} ({c.danger + c.warning + c.info})
              </option>
            ))}
        </select>
      </label>
      <label>
        Cluster
        <select value={filter.cluster} onChange={(e) => set({ cluster: e.target.value, namespace: '' })}>
          <option value="">All</option>
          {detail.byCluster.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Namespace
        <select value={filter.namespace} onChange={(e) => set({ namespace: e.target.value })}>
          <option value="">All</option>
          {nsNames.map((n) => (
            <option key={n || CLUSTER_SCOPED} value={n || CLUSTER_SCOPED}>
              {n || CLUSTER_SCOPED}
            </option>
          ))}
        </select>
      </label>
      <label>
        Kind
        <input
          list="in-kinds"
          value={filter.kind}
          placeholder="All"
          onChange={(e) => set({ kind: e.target.value })}
        />
        <datalist id="in-kinds">
          {KINDS.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      </label>
      <label className="in-grow">
        Text
        <input
          type="search"
          value={filter.text}
          placeholder="name, namespace, message or check"
          onChange={(e) => set({ text: e.target.value })}
        />
      </label>
      {isFiltered(filter) ? (
        <button type="button" className="btn btn-secondary" onClick={() => onChange(emptyFilter())}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
