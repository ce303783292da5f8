import { groupSummary, namespaceText, type GroupBy, type SummaryRow } from './diff-model';

const BY: Array<{ key: GroupBy; label: string }> = [
  { key: 'cluster', label: 'Cluster' },
  { key: 'kind', label: 'Kind' },
  { key: 'namespace', label: 'Namespace' },
];

/** The differences added up by cluster, kind or namespace; a row filters the list to it. */
export function SummaryTable({
  rows,
  by,
  onBy,
  active,
  onPick,
}: {
  rows: readonly SummaryRow[];
  by: GroupBy;
  onBy(by: GroupBy): void;
  active: string;
  onPick(key: string): void;
}) {
  const groups = groupSummary(rows, by);
  return (
    <section className="diff-summary" aria-label="Summary">
      <div className="fl-tabs" role="tablist" aria-label="Summarise by">
        {BY.map((o) => (
          <button
            key={o.key}
            type="button"
            role="tab"
            aria-selected={o.key === by}
            className={`fl-tab${o.key === by ? ' fl-tab-active' : ''}`}
            onClick={() => onBy(o.key)}
          >
            By {o.label.toLowerCase()}
          </button>
        ))}
      </div>
      {groups.length === 0 ? (
        <p className="fl-muted">No differences.</p>
      ) : (
        <table
          className="table diff-summary-table"
          aria-label={`Differences by ${by}`}
          data-testid="diff-summary"
        >
          <thead>
            <tr>
              <th>{BY.find((o) => o.key === by)?.label}</th>
              <th className="diff-num">Added</th>
              <th className="diff-num">Removed</th>
              <th className="diff-num">Changed</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => {
              const key = by === 'namespace' ? namespaceText(g.key) : g.key;
              return (
                <tr key={g.key} className={active === key ? 'diff-row-active' : undefined} data-key={key}>
                  <td>
                    <button
                      type="button"
                      className="diff-link"
                      aria-pressed={active === key}
                      title={active === key ? 'Show every change again' : `Show only the changes in ${key}`}
                      onClick={() => onPick(key)}
                    >
                      {key}
                    </button>
                  </td>
                  <td className="diff-num diff-added">{g.added || ''}</td>
                  <td className="diff-num diff-removed">{g.removed || ''}</td>
                  <td className="diff-num diff-changed">{g.changed || ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
