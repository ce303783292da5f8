import { useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { call, messageOf } from '../../lib/call';
import { isSearchShortcut, paletteMove } from './keys';
import { searchTarget } from './target';
import './search.css';

type Result = CallOutput<'search.query'>;

/** Fleet-wide search (Ctrl/Cmd-K): any cached object by name, kind, label or namespace; Enter opens it. */
export function SearchPalette() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [clusterNames, setClusterNames] = useState<Map<string, string>>(new Map());
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      returnFocus.current = document.activeElement;
      setOpen(true);
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
      call('search.query', { text: q, limit: 50 }).then(
        (r) => {
          if (stale) return;
          setResult(r);
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
  }, [text, open]);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  if (!open) return null;
  const empty = text.trim() === '';
  const items = empty ? [] : (result?.items ?? []);
  const close = () => {
    setOpen(false);
    if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
  };
  const openItem = (index: number) => {
    const hit = items[index];
    if (!hit) return;
    window.location.hash = searchTarget(hit).href;
    setOpen(false);
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
          aria-label="Search objects by name, kind, label or namespace"
          placeholder="Search pods, deployments, nodes… by name, kind, label or namespace"
          value={text}
          autoFocus
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            } else if (e.key === 'Enter') {
              e.preventDefault();
              openItem(active);
            } else {
              const next = paletteMove(e.key, active, items.length);
              if (next !== null) {
                e.preventDefault();
                setActive(next);
              }
            }
          }}
        />
        {error && !empty ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <ul ref={list} id="search-results" className="fl-search-results" role="listbox" aria-label="Results">
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
            ? 'Type a name, kind, namespace or label (key=value). ↑↓ to move, Enter to open, Esc to close.'
            : result
              ? `${result.total} match${result.total === 1 ? '' : 'es'}${result.total > items.length ? `, first ${items.length} shown` : ''} · ${result.elapsedMs.toFixed(0)} ms`
              : 'Searching…'}
        </p>
      </div>
    </div>
  );
}
