import { useEffect, useMemo, useState } from 'react';
import type { InspectionRunSummary, TrendPoint as ContractPoint } from '../../../shared/contract/inspections';
import { call, messageOf } from '../../lib/call';
import { inspectionsHref } from './route';
import { useRunsStore } from './runs-store';
import { RunsTable } from './RunsTable';
import { describeScope, scopeFromKey, type ScopeNames } from './scope';
import { trendPoints } from './trend';
import { TrendChart } from './TrendChart';

/** History per scope: pick a scope that has runs, see its trend, pick two runs to compare. */
export function HistoryView({ scope: key, names }: { scope: string; names: ScopeNames }) {
  const [runs, setRuns] = useState<InspectionRunSummary[] | null>(null);
  const [trend, setTrend] = useState<ContractPoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const finished = useRunsStore((s) => s.finishedCount);
  useEffect(() => {
    call('inspections.list', { limit: 1000 }).then(setRuns, (e: unknown) => setError(messageOf(e)));
  }, [finished]);
  const scopes = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of runs ?? []) if (!m.has(r.scopeKey)) m.set(r.scopeKey, r.label);
    return [...m.entries()];
  }, [runs]);
  const current = key || scopes[0]?.[0] || '';
  const scope = scopeFromKey(current);
  useEffect(() => {
    if (!scope) return;
    let stale = false;
    call('inspections.trend', { scope, limit: 1000 }).then(
      (t) => !stale && setTrend(t),
      (e: unknown) => !stale && setError(messageOf(e)),
    );
    return () => {
      stale = true;
    };
    // the scope object is rebuilt from its key on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, finished]);
  const points = useMemo(() => trendPoints(trend ?? []), [trend]);

  if (error) return <p className="form-error">{error}</p>;
  if (!runs) return <p className="in-muted">Loading history…</p>;
  if (scopes.length === 0)
    return (
      <p className="in-muted">
        No inspections yet. <a href={inspectionsHref.runs()}>Run one</a> and its history starts here.
      </p>
    );
  return (
    <div className="in-history">
      <div className="in-form-row">
        <label>
          Scope
          <select
            value={current}
            onChange={(e) => (window.location.hash = inspectionsHref.history(e.target.value))}
            aria-label="Scope"
          >
            {!scopes.some(([k]) => k === current) ? (
              <option value={current}>{scope ? describeScope(scope, names) : current}</option>
            ) : null}
            {scopes.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <a href={inspectionsHref.settings(current)}>Check settings for this scope</a>
      </div>
      {!scope ? (
        <p className="form-error">“{current}” does not name a scope.</p>
      ) : (
        <>
          {trend === null ? (
            <p className="in-muted">Loading the trend…</p>
          ) : (
            <TrendChart points={points} onPick={(id) => (window.location.hash = inspectionsHref.run(id))} />
          )}
          <h2>Runs of this scope</h2>
          <p className="in-muted">Pick two runs and Compare to see new, fixed and unchanged findings.</p>
          <RunsTable key={current} scope={scope} />
        </>
      )}
    </div>
  );
}
