import { useCallback, useEffect, useState } from 'react';
import type { InspectionRunSummary } from '../../../shared/contract/inspections';
import { Button } from '../../components/Button';
import { call, messageOf } from '../../lib/call';
import { gradeTone, progressText, when } from './format';
import { inspectionsHref } from './route';
import { activeRunOf, useRunFinished, useRunsStore } from './runs-store';
import { scopeKey } from './scope';
import { useRunEvents } from './use-run-events';
import './inspections.css';

/** The cluster overview's "Inspection" panel: the last result and grade, and "Run inspection". */
export function InspectionPanel({ clusterId }: { clusterId: string }) {
  useRunEvents();
  const scope = { kind: 'cluster' as const, id: clusterId };
  const key = scopeKey(scope);
  const [latest, setLatest] = useState<InspectionRunSummary | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const active = useRunsStore((s) => activeRunOf(s, key));
  const start = useRunsStore((s) => s.start);
  const load = useCallback(() => {
    call('inspections.latest', { scope: { kind: 'cluster', id: clusterId } }).then(setLatest, (e: unknown) =>
      setError(messageOf(e)),
    );
  }, [clusterId]);
  useEffect(load, [load]);
  useRunFinished((f) => {
    if (f.scopeKey !== key) return;
    load();
    if (f.status === 'failed') setError(f.message ?? 'The inspection failed.');
  });
  const run = () => {
    setError(null);
    call('inspections.run', { scope: { kind: 'cluster', id: clusterId }, kind: 'lite' }).then(
      (r) => start(r.runId, key),
      (e: unknown) => setError(messageOf(e)),
    );
  };
  return (
    <section className="fl-panel in-panel" aria-labelledby="inspection-panel" data-testid="inspection-panel">
      <h3 id="inspection-panel">Inspection</h3>
      {latest === undefined && !error ? <p className="in-muted">Loading…</p> : null}
      {latest === null ? (
        <p>Run your first inspection to ensure your cluster follows best practices.</p>
      ) : null}
      {latest ? (
        <p className="in-panel-result">
          <a
            href={inspectionsHref.run(latest.id)}
            className={`in-grade-big in-grade-${gradeTone(latest.grade)}`}
            data-testid="panel-grade"
            title="Open the result"
          >
            {latest.grade || '–'}
          </a>
          <span>
            Score <strong>{latest.score}</strong> ·{' '}
            <span className="in-sev-danger">{latest.bySeverity.danger} danger</span>,{' '}
            <span className="in-sev-warning">{latest.bySeverity.warning} warning</span>
            <br />
            <span className="in-muted">
              {when(latest.finishedAt ?? latest.startedAt)} ·{' '}
              <a href={inspectionsHref.history(key)}>History</a>
            </span>
          </span>
        </p>
      ) : null}
      {active ? (
        <p role="status" className="in-muted" data-testid="panel-progress">
          {progressText(active)}
        </p>
      ) : null}
      {error ? <p className="form-error">{error}</p> : null}
      <Button
        variant={latest ? 'secondary' : 'primary'}
        onClick={run}
        disabledReason={active ? 'An inspection of this cluster is running' : undefined}
      >
        Run inspection
      </Button>
    </section>
  );
}
