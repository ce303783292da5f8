import { useCallback, useEffect, useRef, useState } from 'react';
import type { InspectionRunDetail } from '../../../shared/contract/inspections';
import { Button } from '../../components/Button';
import { call, messageOf } from '../../lib/call';
import { ExportButtons } from './ExportButtons';
import { FindingsView } from './FindingsView';
import { progressText, resultText, when } from './format';
import { inspectionsHref } from './route';
import { useRunFinished, useRunsStore } from './runs-store';
import { RunSummary } from './RunSummary';
import { scopeKey } from './scope';

/** One run: its score, counts and findings; run the same scope again; history; export. */
export function RunResult({ id, search }: { id: string; search: string }) {
  const [detail, setDetail] = useState<InspectionRunDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [again, setAgain] = useState<string | null>(null);
  // read by the end listener: the event can arrive before React has rendered the new state
  const againRef = useRef<string | null>(null);
  const progress = useRunsStore((s) => s.progress[id]);
  const start = useRunsStore((s) => s.start);
  const load = useCallback(() => {
    call('inspections.get', { runId: id }).then(setDetail, (e: unknown) => setError(messageOf(e)));
  }, [id]);
  useEffect(load, [load]);
  const onFinished = (f: { runId: string; status: string }) => {
    if (f.runId === id) load();
    if (againRef.current && f.runId === againRef.current) {
      againRef.current = null;
      setAgain(null);
      if (f.status === 'done') window.location.hash = inspectionsHref.run(f.runId);
    }
  };
  useRunFinished(onFinished);
  const againProgress = useRunsStore((s) => (again ? s.progress[again] : undefined));

  if (error) return <p className="form-error">{error}</p>;
  if (!detail) return <p className="in-muted">Loading the run…</p>;
  const runAgain = () => {
    call('inspections.run', { scope: detail.scope, kind: 'lite' }).then(
      (r) => {
        const early = useRunsStore.getState().ended[r.runId];
        if (early) {
          if (early.status === 'done') window.location.hash = inspectionsHref.run(r.runId);
          return;
        }
        start(r.runId, scopeKey(detail.scope));
        againRef.current = r.runId;
        setAgain(r.runId);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  };
  return (
    <div className="in-result-page" data-testid="run-page" data-run={detail.id}>
      <div className="in-toolbar">
        <h2 className="in-title">{detail.label}</h2>
        <span className="in-muted">
          {detail.trigger === 'manual' ? 'Run by hand' : 'Scheduled'} · {when(detail.startedAt)}
        </span>
        <span className="in-spacer" />
        <Button onClick={runAgain} disabledReason={again ? 'Running…' : undefined}>
          Run again
        </Button>
        <Button href={inspectionsHref.history(detail.scopeKey)}>History</Button>
        {detail.status === 'done' ? <ExportButtons runId={detail.id} /> : null}
      </div>
      {again ? (
        <p className="in-progress" role="status">
          {progressText(againProgress ?? { done: 0, total: 0, phase: 'reading' })} — the new result opens when
          it is done.
        </p>
      ) : null}
      {detail.status !== 'done' ? (
        <p className={detail.status === 'failed' ? 'in-bad' : 'in-muted'} role="status">
          {detail.status === 'running' && progress ? progressText(progress) : resultText(detail)}
        </p>
      ) : (
        <>
          <RunSummary detail={detail} />
          <FindingsView key={detail.id} detail={detail} search={search} />
        </>
      )}
    </div>
  );
}
