import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { InspectionFinding, InspectionRunDetail } from '../../../shared/contract/inspections';
import { call } from '../../lib/call';
import {
  countLine,
  filterFromSearch,
  filterToSearch,
  isFiltered,
  toQueryFilter,
  type FindingFilter,
} from './filters';
import { createFindingsList } from './findings-store';
import { FindingFiltersBar } from './FindingFiltersBar';
import { FindingPreview } from './FindingPreview';
import { FindingsTable } from './FindingsTable';
import { inspectionsHref } from './route';

/** A run's findings: filters (kept in the route, so a filtered view can be linked), count, table. */
export function FindingsView({ detail, search }: { detail: InspectionRunDetail; search: string }) {
  const [filter, setFilter] = useState<FindingFilter>(() => filterFromSearch(search));
  const [query, setQuery] = useState(() => JSON.stringify(toQueryFilter(filter)));
  const [preview, setPreview] = useState<InspectionFinding | null>(null);
  // typing in the text box waits a moment; the pickers apply at once
  useEffect(() => {
    const next = JSON.stringify(toQueryFilter(filter));
    const t = setTimeout(() => setQuery(next), 250);
    return () => clearTimeout(t);
  }, [filter]);
  useEffect(() => {
    const href = inspectionsHref.run(detail.id, filterToSearch(filter));
    if (window.location.hash !== href) window.history.replaceState(null, '', href);
  }, [filter, detail.id]);
  const store = useMemo(
    () =>
      createFindingsList((offset, limit) =>
        call('inspections.findings', { runId: detail.id, filters: JSON.parse(query), offset, limit }),
      ),
    [detail.id, query],
  );
  const total = useStore(store, (s) => s.total);
  const loaded = useStore(store, (s) => s.loaded);
  const error = useStore(store, (s) => s.error);
  const names = useMemo(() => new Map(detail.byCluster.map((c) => [c.key, c.label])), [detail.byCluster]);
  const filtered = isFiltered(filter);
  return (
    <section className="in-findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings</h2>
      <FindingFiltersBar filter={filter} onChange={setFilter} detail={detail} />
      <p className="in-muted" data-testid="findings-count">
        {loaded ? countLine(total, detail.findings, filtered) : 'Loading findings…'}
      </p>
      {error ? <p className="form-error">{error}</p> : null}
      {loaded && total === 0 ? (
        <p className="in-muted">
          {filtered ? 'No finding matches these filters.' : 'No findings: every check passed.'}
        </p>
      ) : (
        <FindingsTable store={store} clusterName={(id) => names.get(id) ?? id} onOpen={setPreview} />
      )}
      {preview ? <FindingPreview finding={preview} onClose={() => setPreview(null)} /> : null}
    </section>
  );
}
