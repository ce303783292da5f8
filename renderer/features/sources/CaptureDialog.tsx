import { useState } from 'react';
import type { CaptureProgress, CaptureScope } from '../../../shared/contract/sources';
import { Button } from '../../components/Button';
import { call, messageOf, useEvent } from '../../lib/call';
import { useAppStore } from '../../stores/app-store';
import { useSourceStore } from '../../stores/source-store';
import { useSourcesStore } from './sources-store';
import { downloadHref, finished, percent, progressText, scopeText } from './capture-text';

interface Options {
  includeEvents: boolean;
  includeMetrics: boolean;
  includeLogs: boolean;
  includeSecretValues: boolean;
}

const OPTIONS: Array<{ key: keyof Options; label: string; hint: string }> = [
  { key: 'includeEvents', label: 'Events', hint: 'The events the clusters still keep (about an hour).' },
  { key: 'includeMetrics', label: 'Metric samples', hint: 'Node and pod usage from metrics.k8s.io.' },
  { key: 'includeLogs', label: 'Pod log tails', hint: 'The last lines of each container’s log.' },
  {
    key: 'includeSecretValues',
    label: 'Secret values',
    hint: 'Off by default: Secrets keep their keys, their values are dropped.',
  },
];

/**
 * "Capture snapshot…": what to capture (the page's scope or the whole fleet), what to include, then
 * progress from 'snapshots.progress' with Cancel, and the file written.
 */
export function CaptureDialog({
  scope: pageScope,
  name,
  onClose,
}: {
  scope: CaptureScope;
  /** The scope's name for people (a group or cluster id is not one). */
  name?: string;
  onClose(): void;
}) {
  const [whole, setWhole] = useState(pageScope.kind === 'fleet');
  const [options, setOptions] = useState<Options>({
    includeEvents: true,
    includeMetrics: false,
    includeLogs: false,
    includeSecretValues: false,
  });
  const [taskId, setTaskId] = useState<string | null>(null);
  // Every task's latest progress: the first events may come before 'snapshots.capture' answers.
  const [latest, setLatest] = useState<Record<string, CaptureProgress>>({});
  const progress = taskId ? (latest[taskId] ?? null) : null;
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [starting, setStarting] = useState(false);
  // browser mode: the file is on the machine running Flotilla, so the browser can fetch a copy
  const browser = useAppStore((s) => s.info?.shell === 'web');
  const scope: CaptureScope = whole ? { kind: 'fleet' } : pageScope;
  const running = taskId !== null && !finished(progress);

  useEvent('snapshots.progress', (p) => setLatest((all) => ({ ...all, [p.taskId]: p })));

  const start = async () => {
    setError(null);
    setTaskId(null);
    setStarting(true);
    try {
      const { taskId: id } = await call('snapshots.capture', { scope, ...options });
      setTaskId(id);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setStarting(false);
    }
  };
  const cancel = () => {
    if (taskId) call('snapshots.cancel', { taskId }).catch((e: unknown) => setError(messageOf(e)));
  };
  const open = async (path: string) => {
    setOpening(true);
    try {
      const view = await call('snapshots.open', { path });
      useSourceStore.getState().setSource(view.id);
      await useSourcesStore.getState().refresh();
      onClose();
    } catch (e) {
      setError(messageOf(e));
      setOpening(false);
    }
  };
  const pct = percent(progress);
  const done = progress?.phase === 'done' ? progress : null;

  return (
    <div className="fl-overlay" role="presentation" onClick={running ? undefined : onClose}>
      <div
        className="fl-dialog capture-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="capture-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="capture-title">Capture snapshot</h2>
        <p>
          Saves every cached object of <strong>{scopeText(scope, whole ? undefined : name)}</strong> to one{' '}
          <code>.flotilla</code> file you can open later, offline, read-only.
        </p>
        <fieldset className="capture-fieldset" disabled={taskId !== null}>
          <legend>Scope</legend>
          {pageScope.kind === 'fleet' ? null : (
            <label>
              <input type="radio" name="capture-scope" checked={!whole} onChange={() => setWhole(false)} />{' '}
              {scopeText(pageScope, name)}
            </label>
          )}
          <label>
            <input type="radio" name="capture-scope" checked={whole} onChange={() => setWhole(true)} /> The
            whole fleet
          </label>
        </fieldset>
        <fieldset className="capture-fieldset" disabled={taskId !== null}>
          <legend>Include</legend>
          {OPTIONS.map((o) => (
            <label key={o.key} title={o.hint}>
              <input
                type="checkbox"
                checked={options[o.key]}
                onChange={(e) => setOptions({ ...options, [o.key]: e.target.checked })}
              />{' '}
              {o.label} <span className="fl-muted">— {o.hint}</span>
            </label>
          ))}
        </fieldset>
        {options.includeSecretValues ? (
          <p className="capture-warning" role="alert">
            The file will hold your Secrets’ values (passwords, tokens, keys) in plain form. Anyone with the
            file can read them: keep it as safe as the clusters themselves.
          </p>
        ) : null}
        {taskId ? (
          <div className="capture-progress" data-testid="capture-progress" data-phase={progress?.phase ?? ''}>
            <progress max={100} value={pct ?? undefined} aria-label="Capture progress" />
            <span>{progressText(progress)}</span>
          </div>
        ) : null}
        {done?.path ? (
          <p className="capture-file">
            Written to <code data-testid="capture-path">{done.path}</code>
            {browser ? ' on the machine running Flotilla.' : null}
          </p>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="fl-dialog-actions">
          {running ? (
            <Button onClick={cancel}>Cancel capture</Button>
          ) : (
            <Button onClick={onClose}>{done ? 'Close' : 'Cancel'}</Button>
          )}
          {done?.path && browser ? (
            <a className="btn btn-secondary" href={downloadHref(done.taskId)} download>
              Download
            </a>
          ) : null}
          {done?.path ? (
            <Button
              variant="primary"
              onClick={() => void open(done.path!)}
              disabledReason={opening ? 'Opening…' : undefined}
            >
              Open it
            </Button>
          ) : taskId === null || finished(progress) ? (
            <Button
              variant="primary"
              onClick={() => void start()}
              disabledReason={starting ? 'Starting the capture…' : undefined}
            >
              {taskId === null ? 'Capture' : 'Capture again'}
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** "Capture snapshot…" and its dialog; nothing on a read-only source (a snapshot of a snapshot adds nothing). */
export function CaptureButton({ scope, name }: { scope: CaptureScope; name?: string }) {
  const [open, setOpen] = useState(false);
  const source = useSourceStore((s) => s.source);
  if (source !== 'live') return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>Capture snapshot…</Button>
      {open ? <CaptureDialog scope={scope} name={name} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
