import { useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { call, messageOf } from '../../lib/call';
import { useSource } from '../../stores/source-store';
import { withClusterIds } from './cluster-names';
import { isSearchShortcut, paletteMove } from './keys';
import { useSearchOpen } from './search-store';
import { searchTarget } from './target';
import './search.css';

type Result = CallOutput<'search.query'>;

/**
 * Fleet-wide search (Ctrl/Cmd-K or the top-bar button): any object of the current data source by
 * name, kind (pods, deploy …), label (app=cart) or namespace, with ns:, cluster: and kind: filters
 * (the syntax: shared/objects/search-syntax.ts); Enter opens it.
 */
export function SearchPalette() {
  const open = useSearchOpen((s) => s.open);
  const source = useSource();
  const [text, setText] = useState('');
  /** The last answer and the text (and source) it answers: older answers stay shown, dimmed, while typing. */
  const [result, setResult] = useState<(Result & { query: string }) | null>(null);
  /** Enter pressed before the answer to the current text arrived: open its first result then. */
  const enterPending = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [clusterNames, setClusterNames] = useState<Map<string, string>>(new Map());
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      useSearchOpen.getState().show();
      setTimeout(() => input.current?.select(), 0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!open) return;
    call('clusters.list', { limit: 1000 }).then(
      (p) => setClusterNames(new Map(p.items.map((c) => [c.id, c.name]))),
      () => undefined,
    );
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const q = text.trim();
    if (q === '') return;
    let stale = false;
    const timer = setTimeout(() => {
      call('search.query', { text: withClusterIds(q, clusterNames), source, limit: 50 }).then(
        (r) => {
          if (stale) return;
          setResult({ ...r, query: `${source}\u0000${q}` });
          setActive(0);
          setError(null);
        },
        (e: unknown) => !stale && setError(messageOf(e)),
      );
    }, 60);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, open, source, clusterNames]);

  useEffect(() => {
    if (!enterPending.current || result?.query !== `${source}\u0000${text.trim()}`) return;
    enterPending.current = false;
    const hit = result.items[0];
    if (!hit) return;
    window.location.hash = searchTarget(hit).href;
    useSearchOpen.getState().hide();
  }, [result, text, source]);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  if (!open) return null;
  const empty = text.trim() === '';
  const fresh = result?.query === `${source}\u0000${text.trim()}`;
  const items = empty ? [] : (result?.items ?? []);
  const close = () => {
    const { returnFocus, hide } = useSearchOpen.getState();
    hide();
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
  };
  const openItem = (index: number) => {
    const hit = items[index];
    if (!hit) return;
    window.location.hash = searchTarget(hit).href;
    useSearchOpen.getState().hide();
  };
  const optionId = (i: number) => `search-option-${i}`;

  return (
    <div className="fl-search-overlay" role="presentation" onClick={close}>
      <div
        className="fl-search"
        role="dialog"
        aria-modal="true"
        aria-label="Search the fleet"
        onClick={(e) => e.stopPropagation()}
      >
        <input
          ref={input}
          className="fl-search-input"
          type="text"
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls="search-results"
          aria-activedescendant={items.length ? optionId(active) : undefined}
          aria-describedby="search-hint"
          aria-label="Search objects by name, kind, label or namespace"
          placeholder="Search pods, deployments, nodes… by name, kind, label or namespace"
          value={text}
          autoFocus
          onChange={(e) => {
            enterPending.current = false;
            setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            } else if (e.key === 'Enter') {
              e.preventDefault();
              if (fresh) openItem(active);
              else enterPending.current = true;
            } else {
              const next = paletteMove(e.key, active, items.length);
              if (next !== null) {
                e.preventDefault();
                setActive(next);
              }
            }
          }}
        />
        <p id="search-hint" className="fl-search-hint">
          kinds <code>pods nginx</code> <code>deploy</code> · labels <code>app=cart</code>{' '}
          <code>tier!=web</code> · filters <code>ns:shop</code> <code>cluster:NAME</code>{' '}
          <code>kind:KIND</code>
        </p>
        {error && !empty ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <ul
          ref={list}
          id="search-results"
          className={`fl-search-results${fresh ? '' : ' fl-search-stale'}`}
          role="listbox"
          aria-label="Results"
          aria-busy={!empty && !fresh}
        >
          {items.map((o, i) => {
            const target = searchTarget(o);
            return (
              <li
                key={`${o.cluster}/${o.kind}/${o.namespace}/${o.name}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                data-kind={o.kind}
                data-name={o.name}
                data-namespace={o.namespace}
                onMouseMove={() => setActive(i)}
                onClick={() => openItem(i)}
              >
                <span className="fl-search-kind">{o.kind}</span>
                <span className="fl-search-name">{o.name}</span>
                <span className="fl-search-where">
                  {o.namespace ? `${o.namespace} · ` : ''}
                  {clusterNames.get(o.cluster) ?? o.cluster}
                </span>
                <span className="fl-search-go">{i === active ? `↵ ${target.label}` : ''}</span>
              </li>
            );
          })}
        </ul>
        <p className="fl-search-foot">
          {empty
            ? '↑↓ to move, Enter to open, Esc to close.'
            : result && fresh
              ? `${result.total} match${result.total === 1 ? '' : 'es'}${result.total > items.length ? `, first ${items.length} shown` : ''} · ${result.elapsedMs.toFixed(0)} ms`
              : 'Searching…'}
        </p>
      </div>
    </div>
  );
}
