import { useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../shared/contract';
import type { InspectionScope } from '../../../shared/contract/inspections';
import { Button } from '../../components/Button';
import { call, messageOf, useEvent } from '../../lib/call';
import { useSource } from '../../stores/source-store';
import { progressText } from './format';
import { inspectionsHref } from './route';
import { useRunFinished, useRunsStore } from './runs-store';
import { draftOfScope, emptyScopeDraft, scopeKey, scopeOfDraft, type ScopeDraft } from './scope';
import { ScopePicker } from './ScopePicker';
import type { ScopeLists } from './use-scope-names';

type Finished = EventPayload<'inspections.finished'>;
type Availability = { available: boolean; version?: string; message: string };

/**
 * "Run inspection": a scope, a kind (lite: the built-in checks; conformance: Sonobuoy against a
 * live cluster, when the CLI is installed), then progress with Cancel and a link to the result.
 */
export function RunPanel({ lists, initial }: { lists: ScopeLists; initial?: InspectionScope }) {
  const source = useSource();
  const [draft, setDraft] = useState<ScopeDraft>(() =>
    initial
      ? draftOfScope(initial)
      : source !== 'live'
        ? { ...emptyScopeDraft('source'), target: source }
        : emptyScopeDraft(),
  );
  const [kind, setKind] = useState<'lite' | 'conformance'>('lite');
  const [mode, setMode] = useState<'quick' | 'non-disruptive'>('quick');
  const [sonobuoy, setSonobuoy] = useState<Availability | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  // read by the end listener: the event can arrive before React has rendered the new state
  const runIdRef = useRef<string | null>(null);
  const [conformanceId, setConformanceId] = useState<string | null>(null);
  const [conformanceNote, setConformanceNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState<{ runId: string; text: string; ok: boolean } | null>(null);
  const progress = useRunsStore((s) => (runId ? s.progress[runId] : undefined));
  const start = useRunsStore((s) => s.start);

  useEffect(() => {
    call('conformance.available', {}).then(setSonobuoy, (e: unknown) =>
      setSonobuoy({ available: false, message: messageOf(e) }),
    );
  }, []);
  const finish = (f: Finished) => {
    setEnded({
      runId: f.runId,
      ok: f.status === 'done',
      text:
        f.status === 'done'
          ? `Finished: score ${f.score ?? '--'}${f.grade ? ` (${f.grade})` : ''}.`
          : f.status === 'cancelled'
            ? 'Cancelled.'
            : `Failed: ${f.message ?? 'no reason given'}`,
    });
    runIdRef.current = null;
    setRunId(null);
  };
  useRunFinished((f) => {
    if (f.runId === runIdRef.current) finish(f);
  });

  useEvent('conformance.progress', (p) => {
    if (p.id === conformanceId) setConformanceNote(p.message);
  });
  useEvent('conformance.finished', (p) => {
    if (p.id !== conformanceId) return;
    setConformanceNote(
      p.status === 'done' ? 'Conformance run finished.' : `Conformance run ${p.status}: ${p.message ?? ''}`,
    );
    setConformanceId(null);
  });

  const picked = scopeOfDraft(draft);
  const running = runId !== null || conformanceId !== null;
  const conformanceBlocked =
    kind !== 'conformance'
      ? undefined
      : !sonobuoy
        ? 'Checking for the sonobuoy command…'
        : !sonobuoy.available
          ? 'The sonobuoy command is not installed'
          : draft.kind !== 'cluster'
            ? 'Conformance runs against one live cluster: pick a cluster'
            : undefined;
  const blocked = running
    ? 'An inspection is running'
    : 'problem' in picked
      ? picked.problem
      : conformanceBlocked;

  const run = () => {
    if (!('scope' in picked)) return;
    setError(null);
    setEnded(null);
    if (kind === 'conformance' && picked.scope.kind === 'cluster') {
      const cluster = picked.scope.id;
      call('conformance.run', { cluster, mode }).then(
        (r) => {
          setConformanceId(r.id);
          setConformanceNote('Starting Sonobuoy…');
        },
        (e: unknown) => setError(messageOf(e)),
      );
      return;
    }
    const scope = picked.scope;
    call('inspections.run', { scope, kind: 'lite' }).then(
      (r) => {
        // a small run can end before this answer arrives
        const early = useRunsStore.getState().ended[r.runId];
        if (early) return finish(early);
        start(r.runId, scopeKey(scope));
        runIdRef.current = r.runId;
        setRunId(r.runId);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  };
  const cancel = () => {
    if (runId) call('inspections.cancel', { runId }).catch((e: unknown) => setError(messageOf(e)));
  };

  return (
    <section className="in-run" aria-labelledby="run-heading">
      <h2 id="run-heading">Run inspection</h2>
      <div className="in-form-row">
        <ScopePicker draft={draft} onChange={setDraft} lists={lists} />
        <label>
          Type
          <select value={kind} onChange={(e) => setKind(e.target.value as 'lite' | 'conformance')}>
            <option value="lite">Lite: built-in checks</option>
            <option value="conformance">Conformance (Sonobuoy)</option>
          </select>
        </label>
        {kind === 'conformance' && sonobuoy?.available ? (
          <label>
            Mode
            <select value={mode} onChange={(e) => setMode(e.target.value as 'quick' | 'non-disruptive')}>
              <option value="quick">Quick</option>
              <option value="non-disruptive">Non-disruptive conformance</option>
            </select>
          </label>
        ) : null}
        <Button variant="primary" onClick={run} disabledReason={blocked}>
          Run inspection
        </Button>
      </div>
      {kind === 'lite' ? (
        <p className="in-muted">
          Lite runs the best-practice (Polaris), Pod Security and cluster-health checks, with the scope&apos;s
          settings.
        </p>
      ) : sonobuoy && !sonobuoy.available ? (
        <p className="in-note" data-testid="sonobuoy-missing">
          {sonobuoy.message} Results tarballs can be browsed in{' '}
          <a href={inspectionsHref.conformance()}>Conformance</a>.
        </p>
      ) : sonobuoy ? (
        <p className="in-muted">
          Sonobuoy {sonobuoy.version ?? ''} runs its conformance plugin against the cluster; it takes from
          minutes (quick) to over an hour.
        </p>
      ) : null}
      {runId ? (
        <div className="in-progress" role="status" data-testid="run-progress">
          <progress
            max={Math.max(1, progress?.total ?? 0)}
            value={progress?.total ? progress.done : undefined}
            aria-label="Inspection progress"
          />
          <span>{progressText(progress ?? { done: 0, total: 0, phase: 'reading' })}</span>
          <Button onClick={cancel}>Cancel</Button>
        </div>
      ) : null}
      {conformanceId ? (
        <p className="in-progress" role="status">
          {conformanceNote} <a href={inspectionsHref.conformance(conformanceId)}>Follow in Conformance</a>
        </p>
      ) : conformanceNote ? (
        <p role="status">{conformanceNote}</p>
      ) : null}
      {ended ? (
        <p className={ended.ok ? 'in-ok' : 'in-bad'} role="status" data-testid="run-ended">
          {ended.text} <a href={inspectionsHref.run(ended.runId)}>Open the result</a>
        </p>
      ) : null}
      {error ? <p className="form-error">{error}</p> : null}
    </section>
  );
}
