import { createStore } from 'zustand/vanilla';
import type { CallInput, CallOutput } from '../../../shared/contract';
import { call, messageOf } from '../../lib/call';
import { PAGE, shortcut, toQuery, type WorkloadFilter } from './query';

export { PAGE, defaultFilter, type WorkloadFilter } from './query';

type Row = CallOutput<'objects.query'>['items'][number];
type SortKey = NonNullable<CallInput<'objects.query'>['sort']>;

/**
 * One Workloads table, paged from objects.query: only the pages around the visible window are
 * fetched (100 rows each, with their objects for images and container states); sorting and
 * filtering happen in main. A change notice refetches the pages on screen.
 */

export interface ListState {
  filter: WorkloadFilter;
  total: number;
  pages: Map<number, Row[]>;
  loaded: boolean;
  /** The last error (a bad label selector is told here, naming the problem). */
  error: string | null;
  setFilter(patch: Partial<WorkloadFilter>): void;
  sortBy(key: SortKey): void;
  ensureRange(start: number, end: number): void;
  refresh(): void;
  rowAt(index: number): Row | undefined;
}

export function createWorkloadList(initial: WorkloadFilter) {
  let generation = 0;
  const inflight = new Set<number>();
  let visible: [number, number] = [0, PAGE];

  return createStore<ListState>()((set, get) => {
    async function fetchPage(page: number, gen: number) {
      if (inflight.has(page)) return;
      inflight.add(page);
      try {
        const skip = shortcut(get().filter);
        if (skip === 'waiting') return;
        if (skip === 'empty') {
          set({ pages: new Map([[page, []]]), total: 0, loaded: true, error: null });
          return;
        }
        const result = await call('objects.query', toQuery(get().filter, page * PAGE));
        if (gen !== generation) return;
        const pages = new Map(get().pages);
        pages.set(page, result.items);
        set({ pages, total: result.total, loaded: true, error: null });
      } catch (error) {
        if (gen === generation) set({ error: messageOf(error), loaded: true, total: 0, pages: new Map() });
      } finally {
        inflight.delete(page);
      }
    }

    const reload = (keep: boolean) => {
      generation++;
      inflight.clear();
      if (!keep) set({ pages: new Map() });
      const [start, end] = visible;
      const first = Math.floor(Math.max(0, start) / PAGE);
      const last = Math.floor(Math.max(start, end) / PAGE);
      for (let p = first; p <= last; p++) void fetchPage(p, generation);
    };

    return {
      filter: initial,
      total: 0,
      pages: new Map(),
      loaded: false,
      error: null,
      setFilter(patch) {
        const filter = { ...get().filter, ...patch };
        set({ filter, loaded: shortcut(filter) === 'waiting' ? false : get().loaded });
        visible = [0, PAGE];
        reload(false);
      },
      sortBy(key) {
        const f = get().filter;
        get().setFilter({ sort: key, dir: f.sort === key && f.dir === 'asc' ? 'desc' : 'asc' });
      },
      ensureRange(start, end) {
        visible = [start, end];
        const first = Math.floor(Math.max(0, start) / PAGE);
        const last = Math.floor(Math.max(start, end) / PAGE);
        for (let p = first; p <= last; p++) if (!get().pages.has(p)) void fetchPage(p, generation);
      },
      refresh() {
        reload(true);
      },
      rowAt(index) {
        return get().pages.get(Math.floor(index / PAGE))?.[index % PAGE];
      },
    };
  });
}
