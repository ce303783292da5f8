import { useEffect, useMemo, useState } from 'react';
import type {
  InspectionDiff,
  InspectionFinding,
  InspectionRunSummary,
} from '../../../shared/contract/inspections';
import { call, messageOf } from '../../lib/call';
import { diffHeadline, orderPair, scoreChange, stateLabel, stateTone, type DiffState } from './diff-labels';
import { createFindingsList } from './findings-store';
import { FindingPreview } from './FindingPreview';
import { FindingsTable } from './FindingsTable';
import { when } from './format';
import { inspectionsHref } from './route';

const STATES: DiffState[] = ['new', 'fixed', 'unchanged'];

/** Two runs compared: new, fixed and unchanged findings (the older run is "before"). */
export function CompareView({
  a,
  b,
  clusterName,
}: {
  a: string;
  b: string;
  clusterName(id: string): string;
}) {
  const [runs, setRuns] = useState<[InspectionRunSummary, InspectionRunSummary] | null>(null);
  const [counts, setCounts] = useState<InspectionDiff['counts'] | null>(null);
  const [state, setState] = useState<DiffState>('new');
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<InspectionFinding | null>(null);
  useEffect(() => {
    Promise.all([call('inspections.get', { runId: a }), call('inspections.get', { runId: b })]).then(
      ([x, y]) => {
        // the older run is "before" whatever order the link names them in
        const { before, after } = orderPair(x, y);
        setRuns([before, after]);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [a, b]);
  const beforeId = runs?.[0].id;
  const afterId = runs?.[1].id;
  const store = useMemo(
    () =>
      createFindingsList(async (offset, limit) => {
        if (!beforeId || !afterId) return { total: 0, offset, items: [] };
        const d = await call('inspections.diff', { a: beforeId, b: afterId, status: state, offset, limit });
        setCounts(d.counts);
        return d.page;
      }),
    [beforeId, afterId, state],
  );
  if (error) return <p className="form-error">{error}</p>;
  if (!runs) return <p className="in-muted">Loading the two runs…</p>;
  const [before, after] = runs;
  // runs in the same minute are told apart by their seconds
  const precise = when(before.startedAt) === when(after.startedAt);
  return (
    <div className="in-compare" data-testid="compare">
      <div className="in-pair">
        <div>
          <span className="in-muted">Before</span>{' '}
          <a href={inspectionsHref.run(before.id)}>
            {before.label} · {when(before.startedAt, precise)}
          </a>
        </div>
        <div>
          <span className="in-muted">After</span>{' '}
          <a href={inspectionsHref.run(after.id)}>
            {after.label} · {when(after.startedAt, precise)}
          </a>
        </div>
      </div>
      <p className="in-headline" data-testid="diff-headline">
        {counts ? diffHeadline(counts) : 'Comparing…'}
        {scoreChange(before, after) ? (
          <span className="in-muted"> · {scoreChange(before, after)}</span>
        ) : null}
      </p>
      <nav className="in-tabs" aria-label="Finding changes">
        {STATES.map((s) => (
          <button
            key={s}
            type="button"
            className={`in-tab${s === state ? ' in-tab-on' : ''}`}
            aria-pressed={s === state}
            title={stateLabel[s]}
            onClick={() => setState(s)}
          >
            {s[0]!.toUpperCase() + s.slice(1)} {counts ? `(${counts[s].toLocaleString('en-US')})` : ''}
          </button>
        ))}
      </nav>
      <p className="in-muted">{stateLabel[state]}.</p>
      <FindingsTable
        key={state}
        store={store}
        label={`${state} findings`}
        clusterName={clusterName}
        onOpen={setPreview}
        stateOf={{
          header: 'Change',
          cell: () => <span className={`in-change in-change-${stateTone[state]}`}>{state}</span>,
        }}
      />
      {preview ? <FindingPreview finding={preview} onClose={() => setPreview(null)} /> : null}
    </div>
  );
}
