import { useEffect, useState } from 'react';
import { useEvent, messageOf } from '../../lib/call';
import { useNoticeStore } from '../../stores/notice-store';
import { isReadOnlySource, useSource, useSourceStore } from '../../stores/source-store';
import { bannerText, pickerOptions } from './source-text';
import { useSourcesStore } from './sources-store';
import { useSnapshotDrop } from './use-snapshot-drop';
import './sources.css';

/** Re-renders once a minute, so "taken 3 minutes ago" stays true. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/**
 * Across the top of every page: which data source the views show (live, or an open snapshot or import)
 * with a picker between them; over a read-only source, a banner saying so with "Back to live" and "Close".
 * Hidden while live is the only source.
 */
export function SourceBar() {
  const source = useSource();
  const setSource = useSourceStore((s) => s.setSource);
  const views = useSourcesStore((s) => s.views);
  const { refresh, close } = useSourcesStore.getState();
  const notice = useNoticeStore((s) => s.show);
  const now = useMinute();
  useEffect(() => void refresh(), [refresh]);
  useEvent('sources.changed', () => void refresh());
  useSnapshotDrop();

  const others = views.filter((v) => v.kind !== 'live');
  if (others.length === 0 && source === 'live') return null;
  const view = views.find((v) => v.id === source);
  const readOnly = isReadOnlySource(source);
  const options = pickerOptions(views);
  if (!options.some((o) => o.id === source)) options.push({ id: source, text: 'Opening…', title: source });

  return (
    <div
      className={`source-bar${readOnly ? ' source-bar-readonly' : ''}`}
      role="region"
      aria-label="Data source"
      data-testid="source-bar"
      data-source={source}
    >
      <label className="source-pick">
        <span>Showing</span>
        <select
          aria-label="Data source"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          data-testid="source-picker"
        >
          {options.map((o) => (
            <option key={o.id} value={o.id} title={o.title}>
              {o.text}
            </option>
          ))}
        </select>
      </label>
      {readOnly ? (
        <>
          <strong className="source-banner" data-testid="source-banner" title={view?.file}>
            {view ? bannerText(view, now) : 'Opening the snapshot…'}
          </strong>
          <button type="button" className="btn btn-secondary" onClick={() => setSource('live')}>
            Back to live
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() =>
              close(source).then(
                () => notice(`Closed ${view?.label ?? 'the snapshot'}.`),
                (e: unknown) => notice(messageOf(e), 'error'),
              )
            }
          >
            Close
          </button>
        </>
      ) : (
        <span className="source-hint">
          {others.length} snapshot{others.length === 1 ? '' : 's'} or import{others.length === 1 ? '' : 's'}{' '}
          open
        </span>
      )}
      <a className="source-link" href="#/clusters/diff">
        Compare…
      </a>
    </div>
  );
}
