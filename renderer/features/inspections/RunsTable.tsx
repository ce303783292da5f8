import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import type { InspectionRunSummary, InspectionScope } from '../../../shared/contract/inspections';
import { Button } from '../../components/Button';
import { call, messageOf, useEvent } from '../../lib/call';
import { useNoticeStore } from '../../stores/notice-store';
import { compareBlocked, orderPair } from './diff-labels';
import { gradeTone, resultText, runDuration, statusWord, when } from './format';
import { inspectionsHref } from './route';
import { useRunsStore } from './runs-store';

type ConformanceRow = CallOutput<'conformance.list'>[number];

/**
 * Runs, newest first (the reference deck's columns), with two picked to compare. With
 * `withConformance`, Sonobuoy runs and imports are listed among them (type Conformance).
 */
export function RunsTable({
  scope,
  limit = 100,
  withConformance = false,
  quietWhenEmpty = false,
}: {
  scope?: InspectionScope;
  limit?: number;
  withConformance?: boolean;
  /** Show nothing (rather than a sentence) when there are no runs: the page says it already. */
  quietWhenEmpty?: boolean;
}) {
  const [runs, setRuns] = useState<InspectionRunSummary[] | null>(null);
  const [conformance, setConformance] = useState<ConformanceRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const finished = useRunsStore((s) => s.finishedCount);
  const inFlight = useRunsStore((s) => Object.keys(s.progress).length);
  const notice = useNoticeStore((s) => s.show);
  const scopeText = scope ? JSON.stringify(scope) : '';
  const load = useCallback(() => {
    const input = scopeText ? { scope: JSON.parse(scopeText) as InspectionScope, limit } : { limit };
    call('inspections.list', input).then(
      (r) => {
        setRuns(r);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [scopeText, limit]);
  useEffect(load, [load, finished, inFlight]);
  const loadConformance = useCallback(() => {
    if (withConformance) call('conformance.list', {}).then(setConformance, () => setConformance([]));
  }, [withConformance]);
  useEffect(loadConformance, [loadConformance]);
  useEvent('conformance.finished', loadConformance);

  if (error) return <p className="form-error">{error}</p>;
  if (!runs) return <p className="in-muted">Loading runs…</p>;
  if (runs.length === 0 && conformance.length === 0 && quietWhenEmpty) return null;
  if (runs.length === 0 && conformance.length === 0)
    return (
      <p className="in-muted" data-testid="no-runs">
        No inspections have run for this scope yet.
      </p>
    );

  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  const blocked = compareBlocked(picked);
  const compare = () => {
    const [a, b] = picked.map((id) => runs.find((r) => r.id === id)!);
    if (!a || !b) return;
    const { before, after } = orderPair(a, b);
    window.location.hash = inspectionsHref.compare(before.id, after.id);
  };
  const remove = () => {
    call('inspections.delete', { runIds: picked }).then(
      (r) => {
        notice(`Deleted ${r.deleted} run${r.deleted === 1 ? '' : 's'}.`);
        setPicked([]);
        load();
      },
      (e: unknown) => notice(messageOf(e), 'error'),
    );
  };

  return (
    <div className="in-runs">
      <div className="in-toolbar">
        <Button onClick={compare} disabledReason={blocked}>
          Compare
        </Button>
        <Button onClick={remove} disabledReason={picked.length === 0 ? 'Pick runs to delete' : undefined}>
          Delete
        </Button>
        <span className="in-muted">{picked.length} picked</span>
      </div>
      <table className="table in-table" aria-label="Inspection runs" data-testid="runs-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Pick</span>
            </th>
            <th scope="col">Scope</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Result</th>
            <th scope="col">Findings</th>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {merged(runs, conformance).map((row) =>
            'origin' in row ? (
              <ConformanceLine key={row.id} r={row} />
            ) : (
              <RunLine key={row.id} r={row} picked={picked.includes(row.id)} toggle={toggle} />
            ),
          )}
        </tbody>
      </table>
      <p className="in-muted in-small">Findings: danger / warning / info.</p>
    </div>
  );
}

/** Lite runs and conformance results in one list, newest first. */
function merged(runs: InspectionRunSummary[], conformance: ConformanceRow[]) {
  const rows: (InspectionRunSummary | ConformanceRow)[] = [...runs, ...conformance];
  return rows.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

function ConformanceLine({ r }: { r: ConformanceRow }) {
  return (
    <tr data-conformance={r.id} data-status={r.status}>
      <td />
      <td>
        <a href={inspectionsHref.conformance(r.id)}>{r.cluster ?? r.id}</a>
      </td>
      <td>Conformance{r.origin === 'import' ? ' (imported)' : r.mode ? ` (${r.mode})` : ''}</td>
      <td>
        <span className={`in-status in-status-${r.status}`}>{statusWord[r.status]}</span>
      </td>
      <td>
        <a href={inspectionsHref.conformance(r.id)} className={r.failed > 0 ? 'in-bad' : 'in-ok'}>
          {r.failed > 0 ? `${r.failed} failed` : r.status === 'done' ? 'Passed' : '--'}
        </a>
      </td>
      <td className="in-num in-muted">{r.passed + r.failed + r.skipped} tests</td>
      <td title={r.startedAt}>{when(r.startedAt)}</td>
      <td>{r.origin === 'import' ? '--' : runDuration(r)}</td>
    </tr>
  );
}

function RunLine({
  r,
  picked,
  toggle,
}: {
  r: InspectionRunSummary;
  picked: boolean;
  toggle(id: string): void;
}) {
  return (
    <tr data-run={r.id} data-status={r.status}>
      <td>
        <input
          type="checkbox"
          aria-label={`Pick the run of ${when(r.startedAt)}`}
          checked={picked}
          onChange={() => toggle(r.id)}
        />
      </td>
      <td>
        <a href={inspectionsHref.history(r.scopeKey)} title="History of this scope">
          {r.label}
        </a>
      </td>
      <td>{r.kind === 'lite' ? 'Lite' : r.kind}</td>
      <td>
        <span className={`in-status in-status-${r.status}`}>{statusWord[r.status]}</span>
        {r.trigger.startsWith('schedule:') ? <span className="in-muted"> · scheduled</span> : null}
      </td>
      <td>
        {r.status === 'done' ? (
          <a href={inspectionsHref.run(r.id)} className="in-result" data-testid="run-result">
            <span className={`in-grade in-grade-${gradeTone(r.grade)}`}>{r.grade || '–'}</span> {r.score}
          </a>
        ) : (
          <span className={r.status === 'failed' ? 'in-bad' : 'in-muted'}>{resultText(r)}</span>
        )}
      </td>
      <td className="in-num">
        {r.status === 'done' ? (
          <>
            <span className="in-sev-danger">{r.bySeverity.danger}</span> /{' '}
            <span className="in-sev-warning">{r.bySeverity.warning}</span> /{' '}
            <span className="in-sev-info">{r.bySeverity.info}</span>
          </>
        ) : (
          '--'
        )}
      </td>
      <td title={r.startedAt}>{when(r.startedAt)}</td>
      <td>{runDuration(r)}</td>
    </tr>
  );
}
