import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { DiffChange } from '../../../shared/contract/sources';
import {
  allTypes,
  changeKey,
  emptyFilter,
  fieldsText,
  groupSummary,
  namespaceText,
  type ChangeFilter,
  type ChangeType,
  type SummaryRow,
} from './diff-model';

const TYPES: ChangeType[] = ['added', 'removed', 'changed'];
const ROW = 34;

/** The changed objects with their badge and changed fields, filtered; one click shows its YAML diff. */
export function ChangeList({
  changes,
  total,
  truncated,
  loading,
  filter,
  onFilter,
  summary,
  selected,
  onSelect,
}: {
  changes: DiffChange[];
  total: number;
  truncated: boolean;
  loading: boolean;
  filter: ChangeFilter;
  onFilter(f: ChangeFilter): void;
  summary: readonly SummaryRow[];
  selected: string | null;
  onSelect(c: DiffChange): void;
}) {
  const scroll = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh on every render here
  const virtualizer = useVirtualizer({
    count: changes.length,
    getScrollElement: () => scroll.current,
    estimateSize: () => ROW,
    overscan: 10,
  });
  const keys = (by: 'cluster' | 'kind' | 'namespace') =>
    groupSummary(summary, by)
      .map((g) => (by === 'namespace' ? namespaceText(g.key) : g.key))
      .sort();
  const toggle = (t: ChangeType) => {
    const types = new Set(filter.types);
    if (types.has(t)) types.delete(t);
    else types.add(t);
    onFilter({ ...filter, types });
  };
  const narrowed =
    filter.cluster || filter.kind || filter.namespace || filter.text || filter.types.size < allTypes.size;
  return (
    <section className="diff-changes" aria-label="Changed objects">
      <div className="diff-filters" role="search">
        {TYPES.map((t) => (
          <label key={t} className={`diff-type diff-type-${t}`}>
            <input type="checkbox" checked={filter.types.has(t)} onChange={() => toggle(t)} /> {t}
          </label>
        ))}
        {(['cluster', 'kind', 'namespace'] as const).map((by) => (
          <select
            key={by}
            aria-label={`Filter by ${by}`}
            value={filter[by]}
            onChange={(e) => onFilter({ ...filter, [by]: e.target.value })}
          >
            <option value="">Any {by}</option>
            {keys(by).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        ))}
        <input
          type="search"
          placeholder="Object name"
          aria-label="Filter by object name"
          value={filter.text}
          onChange={(e) => onFilter({ ...filter, text: e.target.value })}
        />
        {narrowed ? (
          <button type="button" className="btn btn-secondary" onClick={() => onFilter(emptyFilter)}>
            Clear filters
          </button>
        ) : null}
      </div>
      <p className="fl-muted fl-small" data-testid="diff-count">
        {loading
          ? 'Loading…'
          : `${changes.length} of ${total} objects${truncated ? ' (the list is cut at its limit: narrow it by cluster, kind or namespace)' : ''}`}
      </p>
      <div
        className="diff-scroll"
        ref={scroll}
        role="list"
        aria-label="Changed objects"
        data-testid="diff-changes"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const c = changes[item.index]!;
            const key = changeKey(c);
            return (
              <div
                key={key}
                role="listitem"
                className={`diff-item${selected === key ? ' diff-item-selected' : ''}`}
                data-change={c.change}
                data-name={c.name}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <button
                  type="button"
                  className="diff-item-button"
                  onClick={() => onSelect(c)}
                  aria-current={selected === key}
                >
                  <span className={`diff-badge diff-badge-${c.change}`}>{c.change}</span>
                  <span className="diff-kind">{c.kind}</span>
                  <span className="diff-name">
                    {c.namespace ? `${c.namespace}/` : ''}
                    {c.name}
                  </span>
                  <span className="fl-muted diff-where">{c.cluster}</span>
                  <span className="fl-muted diff-fields-short fl-mono">{fieldsText(c.fields)}</span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
