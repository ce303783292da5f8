import { useMemo, useState } from 'react';
import type { DiffChange } from '../../../shared/contract/sources';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { useSourceStore } from '../../stores/source-store';
import { CaptureButton } from '../sources/CaptureDialog';
import { OpenSnapshotButton } from '../sources/OpenSnapshotButton';
import { pickerOptions } from '../sources/source-text';
import { useSourcesStore } from '../sources/sources-store';
import { ChangeList } from './ChangeList';
import {
  changeKey,
  emptyFilter,
  filterChanges,
  serverScope,
  totalsText,
  type ChangeFilter,
  type GroupBy,
} from './diff-model';
import { ObjectDiffPanel } from './ObjectDiffPanel';
import { SummaryTable } from './SummaryTable';
import { useDiff } from './use-diff';
import './diff.css';

/** The two sides to start with: the two latest snapshots, or the latest against live. */
function defaults(views: ReturnType<typeof useSourcesStore.getState>['views']): [string, string] {
  const snaps = views
    .filter((v) => v.kind !== 'live')
    .sort((x, y) => (x.takenAt ?? '').localeCompare(y.takenAt ?? ''));
  if (snaps.length >= 2) return [snaps[snaps.length - 2]!.id, snaps[snaps.length - 1]!.id];
  if (snaps.length === 1) return [snaps[0]!.id, 'live'];
  return ['', ''];
}

function SidePicker({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Array<{ id: string; text: string; title: string }>;
  onChange(id: string): void;
}) {
  return (
    <label className="fl-field diff-side">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
        {value === '' ? <option value="">Choose…</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id} title={o.title}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * `#/clusters/diff`: two data sources (two snapshots, or a snapshot and the live fleet) compared —
 * totals, a summary by cluster, kind or namespace, the changed objects, and a field-level YAML diff.
 */
export function DiffPage() {
  const views = useSourcesStore((s) => s.views);
  const loaded = useSourcesStore((s) => s.loaded);
  const current = useSourceStore((s) => s.source);
  const [sides, setSides] = useState<[string, string] | null>(null);
  const [showNoise, setShowNoise] = useState(false);
  const [groupBy, setGroupBy] = useState<GroupBy>('cluster');
  const [filter, setFilter] = useState<ChangeFilter>(emptyFilter);
  const [selected, setSelected] = useState<DiffChange | null>(null);
  const [generation, setGeneration] = useState(0);

  const options = pickerOptions(views);
  // A side that was closed meanwhile falls back to the defaults.
  const valid = sides?.every((id) => options.some((o) => o.id === id));
  const [a, b] = sides && valid ? sides : defaults(views);

  const scope = useMemo(() => serverScope(filter), [filter]);
  const narrowed = !!(scope.clusters || scope.kinds || scope.namespaces);
  const overall = useDiff(a, b, showNoise, {}, generation);
  // Narrowed by cluster, kind or namespace, main lists that part (the whole list may be cut at its limit).
  const scoped = useDiff(narrowed ? a : '', b, showNoise, scope, generation);
  const list = narrowed ? scoped : overall;
  const changes = useMemo(() => filterChanges(list.result?.changes ?? [], filter), [list.result, filter]);
  const labelOf = (id: string) => options.find((o) => o.id === id)?.text ?? id;
  const pick = (side: 0 | 1, id: string) => {
    const next: [string, string] = [a, b];
    next[side] = id;
    setSides(next);
    setSelected(null);
  };
  const none = loaded && options.length < 2;

  return (
    <Page
      title="Compare"
      description="What changed between two snapshots, or between a snapshot and the live fleet."
      actions={
        <>
          <Button href="#/clusters">Clusters</Button>
          <OpenSnapshotButton />
          <CaptureButton scope={{ kind: 'fleet' }} />
        </>
      }
    >
      {none ? (
        <EmptyState icon="clusters" title="Nothing to compare yet">
          <p>
            Open a snapshot (or capture one of the live fleet) to compare it with the live clusters or another
            snapshot. {current === 'live' ? '' : 'The source shown now is a snapshot.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="diff-controls" role="group" aria-label="Sides to compare">
            <SidePicker label="A (before)" value={a} options={options} onChange={(id) => pick(0, id)} />
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => setSides([b, a])}
              title="Swap A and B"
              aria-label="Swap A and B"
            >
              ⇄
            </button>
            <SidePicker label="B (after)" value={b} options={options} onChange={(id) => pick(1, id)} />
            <label className="diff-noise">
              <input type="checkbox" checked={showNoise} onChange={(e) => setShowNoise(e.target.checked)} />{' '}
              Show noise
              <span className="fl-muted"> (resourceVersion, managedFields, status times, events)</span>
            </label>
            {b === 'live' || a === 'live' ? (
              <Button onClick={() => setGeneration((g) => g + 1)}>Compare again</Button>
            ) : null}
          </div>
          {a && a === b ? (
            <p className="fl-muted">A and B are the same source: pick two different ones.</p>
          ) : null}
          {overall.error ? (
            <p className="form-error" role="alert">
              {overall.error}
            </p>
          ) : null}
          {overall.loading && !overall.result ? <p className="fl-muted">Comparing…</p> : null}
          {overall.result ? (
            <>
              <p className="diff-totals" data-testid="diff-totals">
                <strong>{totalsText(overall.result.totals)}</strong>
                {overall.loading ? <span className="fl-muted"> · comparing again…</span> : null}
              </p>
              <div className="diff-layout">
                <SummaryTable
                  rows={overall.result.summary}
                  by={groupBy}
                  onBy={setGroupBy}
                  active={filter[groupBy]}
                  onPick={(key) => setFilter({ ...filter, [groupBy]: filter[groupBy] === key ? '' : key })}
                />
                <ChangeList
                  changes={changes}
                  total={list.result?.changes.length ?? 0}
                  truncated={!!list.result?.truncated}
                  loading={list.loading}
                  filter={filter}
                  onFilter={setFilter}
                  summary={overall.result.summary}
                  selected={selected ? changeKey(selected) : null}
                  onSelect={setSelected}
                />
              </div>
              {selected ? (
                <ObjectDiffPanel
                  a={a}
                  b={b}
                  change={selected}
                  showNoise={showNoise}
                  labels={{ a: `A: ${labelOf(a)}`, b: `B: ${labelOf(b)}` }}
                />
              ) : null}
            </>
          ) : null}
        </>
      )}
    </Page>
  );
}
