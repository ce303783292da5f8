import { useEffect, useMemo, useRef, useState } from 'react';
import { appendCapped, logFileName, matchingLines, splitMatches } from '../../../shared/workloads/log-search';
import type { ContainerRow } from '../../../shared/workloads/pod';
import { api } from '../../lib/api';
import { Button } from '../../components/Button';
import { call, messageOf } from '../../lib/call';

const MAX_LINES = 5000;

interface Target {
  /** 'live', or a snapshot (its recorded log tails; nothing to follow). */
  source: string;
  cluster: string;
  namespace: string;
  pod: string;
}

/** Lines of one container's log: read once, or followed until stopped (and always stopped on leave). */
type LogStatus = 'loading' | 'ready' | 'following' | 'ended';
interface LogView {
  key: string;
  lines: string[];
  status: LogStatus;
  note?: string;
}

/**
 * Lines of one container's log: read once, or followed until stopped (and always stopped on leave).
 * A new `attempt` starts again (following after a stream failed or ended).
 */
function useLog(
  target: Target,
  container: string,
  previous: boolean,
  follow: boolean,
  attempt: number,
): LogView {
  const { source, cluster, namespace, pod } = target;
  const key = JSON.stringify([source, cluster, namespace, pod, container, previous, follow, attempt]);
  const [view, setView] = useState<LogView>({ key: '', lines: [], status: 'loading' });

  useEffect(() => {
    if (!container) return;
    let live = true;
    let subscription: string | undefined;
    const early = new Map<string, string[]>();
    const update = (patch: Partial<LogView>) =>
      setView((old) => ({ ...(old.key === key ? old : { key, lines: [], status: 'loading' }), ...patch }));
    const request = { source, cluster, namespace, pod, container, previous };
    const offLines = api.on('pods.logs.lines', (e) => {
      if (!live) return;
      if (e.subscription === subscription)
        setView((old) => ({
          ...old,
          lines: appendCapped(old.key === key ? old.lines : [], e.lines, MAX_LINES),
        }));
      else if (!subscription) early.set(e.subscription, [...(early.get(e.subscription) ?? []), ...e.lines]);
    });
    const offEnd = api.on('pods.logs.end', (e) => {
      if (!live || e.subscription !== subscription) return;
      const note =
        e.reason === 'ended' ? 'The log stream ended (the container stopped or restarted).' : e.message;
      if (e.reason !== 'stopped') update({ status: 'ended', note });
    });
    if (follow && !previous) {
      call('pods.logs.follow', { ...request, tailLines: 500 }).then(
        (r) => {
          if (!live) {
            void call('pods.logs.stop', { subscription: r.subscription });
            return;
          }
          subscription = r.subscription;
          update({
            lines: appendCapped([], early.get(r.subscription) ?? [], MAX_LINES),
            status: 'following',
          });
        },
        (error: unknown) => live && update({ status: 'ended', note: messageOf(error) }),
      );
    } else {
      call('pods.logs', { ...request, tailLines: 2000 }).then(
        (r) => {
          if (!live) return;
          update({
            lines: r.lines,
            status: 'ready',
            note: r.truncated ? 'Only the first 4 MiB are shown.' : undefined,
          });
        },
        (error: unknown) => live && update({ status: 'ended', note: messageOf(error) }),
      );
    }
    return () => {
      live = false;
      offLines();
      offEnd();
      if (subscription) void call('pods.logs.stop', { subscription }).catch(() => undefined);
    };
  }, [key, source, cluster, namespace, pod, container, previous, follow, attempt]);

  return view.key === key ? view : { key, lines: [], status: 'loading' };
}

export function PodLogs({
  target,
  containers,
  initial,
}: {
  target: Target;
  containers: ContainerRow[];
  initial: string;
}) {
  const [container, setContainer] = useState(initial);
  const [previous, setPrevious] = useState(false);
  const recorded = target.source !== 'live';
  const [follow, setFollow] = useState(!recorded);
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState('');
  const state = useLog(target, container, previous, follow && !recorded, attempt);
  // a follow that failed to start or whose stream ended offers to follow again, not to stop
  const followEnded = follow && !previous && state.status === 'ended';
  const lines = state.lines;
  const matches = useMemo(() => matchingLines(lines, query), [lines, query]);
  const boxRef = useRef<HTMLDivElement>(null);
  const current = containers.find((c) => c.name === container);

  useEffect(() => {
    const box = boxRef.current;
    if (box && state.status === 'following' && !query) box.scrollTop = box.scrollHeight;
  }, [lines, state.status, query]);

  const download = () => {
    const blob = new Blob([lines.join('\n') + '\n'], { type: 'text/plain' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = logFileName([
      target.cluster,
      target.namespace,
      target.pod,
      container,
      ...(previous ? ['previous'] : []),
    ]);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  const jump = (n: number) => {
    const el = boxRef.current?.querySelector(`[data-line="${n}"]`);
    el?.scrollIntoView({ block: 'center' });
  };

  return (
    <section className="wl-card wl-logs" aria-labelledby="wl-logs-title">
      <h2 id="wl-logs-title">Logs</h2>
      <div className="wl-log-bar">
        <label>
          <span>Container</span>
          <select value={container} onChange={(e) => setContainer(e.target.value)}>
            {containers.map((c) => (
              <option key={c.name} value={c.name}>
                {c.role === 'init' ? `${c.name} (init)` : c.name}
              </option>
            ))}
          </select>
        </label>
        {recorded ? null : (
          <>
            <label className="wl-check">
              <input type="checkbox" checked={previous} onChange={(e) => setPrevious(e.target.checked)} />
              Previous run{current && current.restarts > 0 ? '' : ' (none yet)'}
            </label>
            <Button
              onClick={() => (followEnded ? setAttempt(attempt + 1) : setFollow(!follow))}
              disabledReason={previous ? 'A previous run has ended: there is nothing to follow' : undefined}
            >
              {followEnded ? 'Follow again' : follow && !previous ? 'Stop following' : 'Follow'}
            </Button>
          </>
        )}
        <label className="wl-grow">
          <span>Search</span>
          <input
            type="search"
            value={query}
            placeholder="Find in the log"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && matches.length) jump(matches[0] as number);
            }}
          />
        </label>
        <span className="wl-muted" data-testid="log-matches" aria-live="polite">
          {query
            ? `${matches.length} matching line${matches.length === 1 ? '' : 's'}`
            : `${lines.length} lines`}
        </span>
        <Button onClick={download} disabledReason={lines.length === 0 ? 'The log is empty' : undefined}>
          Download
        </Button>
      </div>
      <p className="wl-muted wl-log-state" data-testid="log-state" data-state={state.status}>
        {state.status === 'loading'
          ? 'Loading…'
          : state.status === 'following'
            ? 'Following: new lines appear as they are written.'
            : state.status === 'ready'
              ? previous
                ? 'The previous run of the container.'
                : recorded
                  ? 'The last lines of the log when the snapshot was taken.'
                  : 'The last lines of the log.'
              : ''}
        {state.note ? (
          <span className={state.status === 'ended' ? ' wl-error' : ''}> {state.note}</span>
        ) : null}
      </p>
      <div
        className="wl-log"
        ref={boxRef}
        data-testid="log-lines"
        tabIndex={0}
        role="log"
        aria-label="Log lines"
      >
        {lines.map((line, i) => (
          <div key={i} className="wl-log-line" data-line={i}>
            {splitMatches(line, query).map((p, j) =>
              p.match ? <mark key={j}>{p.text}</mark> : <span key={j}>{p.text}</span>,
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
