import type { CountRow, InspectionRunDetail } from '../../../shared/contract/inspections';
import { CATEGORIES } from './filters';
import { gradeTone, runDuration, when } from './format';

const total = (r: Pick<CountRow, 'danger' | 'warning' | 'info'>) => r.danger + r.warning + r.info;

function CountTable({ caption, rows, testId }: { caption: string; rows: CountRow[]; testId: string }) {
  const top = [...rows].sort((a, b) => b.danger - a.danger || total(b) - total(a)).slice(0, 10);
  return (
    <table className="table in-counts" data-testid={testId}>
      <caption>
        {caption}
        {rows.length > top.length ? ` (top ${top.length} of ${rows.length})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className="in-num">
            Danger
          </th>
          <th scope="col" className="in-num">
            Warning
          </th>
          <th scope="col" className="in-num">
            Info
          </th>
        </tr>
      </thead>
      <tbody>
        {top.length === 0 ? (
          <tr>
            <td colSpan={4} className="in-muted">
              None
            </td>
          </tr>
        ) : (
          top.map((r) => (
            <tr key={r.key}>
              <td>{r.label}</td>
              <td className="in-num in-sev-danger">{r.danger}</td>
              <td className="in-num in-sev-warning">{r.warning}</td>
              <td className="in-num in-sev-info">{r.info}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** Score and grade, counts by severity and category, and by cluster and namespace. */
export function RunSummary({ detail }: { detail: InspectionRunDetail }) {
  const d = detail;
  const maxCat = Math.max(1, ...CATEGORIES.map((c) => d.byCategory[c] ?? 0));
  return (
    <div className="in-summary">
      <section className="in-card in-score" aria-label="Score">
        <div className={`in-grade-big in-grade-${gradeTone(d.grade)}`} data-testid="run-grade">
          {d.grade || '–'}
        </div>
        <div>
          <div className="in-score-num" data-testid="run-score">
            {d.score}
            <span className="in-muted"> / 100</span>
          </div>
          <div className="in-muted in-small">
            {d.results.pass.toLocaleString('en-US')} passed, {d.results.warning.toLocaleString('en-US')}{' '}
            warning, {d.results.danger.toLocaleString('en-US')} danger results
          </div>
          <div className="in-muted in-small">
            {d.objects.toLocaleString('en-US')} objects · {when(d.startedAt)} · {runDuration(d)} ·{' '}
            {d.sets.join(', ')}
          </div>
        </div>
      </section>
      <section className="in-card" aria-label="By severity">
        <h3>By severity</h3>
        <ul className="in-sevcounts" data-testid="by-severity">
          {(['danger', 'warning', 'info'] as const).map((s) => (
            <li key={s} data-severity={s}>
              <span className={`in-sev in-sev-${s}`}>{s}</span>
              <strong>{d.bySeverity[s].toLocaleString('en-US')}</strong>
            </li>
          ))}
        </ul>
      </section>
      <section className="in-card" aria-label="By category">
        <h3>By category</h3>
        <ul className="in-bars" data-testid="by-category">
          {CATEGORIES.map((c) => {
            const n = d.byCategory[c] ?? 0;
            return (
              <li key={c}>
                <span className="in-bar-label">{c}</span>
                <span className="in-bar">
                  <span style={{ width: `${(100 * n) / maxCat}%` }} />
                </span>
                <span className="in-num">{n.toLocaleString('en-US')}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="in-card in-wide" aria-label="By cluster and namespace">
        <div className="in-two">
          <CountTable caption="By cluster" rows={d.byCluster} testId="by-cluster" />
          <CountTable caption="By namespace" rows={d.byNamespace} testId="by-namespace" />
        </div>
      </section>
    </div>
  );
}
