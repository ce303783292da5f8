import { createStore } from 'zustand/vanilla';
import type { ClusterRow, ConnectionState, SortKey } from '../../../shared/contract/fleet';
import { call, messageOf } from '../../lib/call';
import { sourceArg } from '../sources/source-arg';

export const PAGE = 100;

export interface ListQuery {
  text: string;
  label: string;
  groupId: string;
  status: ConnectionState | '';
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** The data source listed: 'live' or an open snapshot / import. */
  source: string;
}

export interface ListState {
  query: ListQuery;
  total: number;
  all: number;
  /** Every id matching the filter, in order (select all). */
  ids: string[];
  /** Pages of rows by page number; rows outside them are fetched as they scroll into view. */
  pages: Map<number, ClusterRow[]>;
  loaded: boolean;
  error: string | null;
  selected: Set<string>;
  setQuery(patch: Partial<ListQuery>): void;
  sortBy(key: SortKey): void;
  /** Makes sure rows start…end are (being) fetched. */
  ensureRange(start: number, end: number): void;
  /** Refetches the pages on screen (after an event). */
  refresh(): void;
  toggle(id: string): void;
  selectAll(on: boolean): void;
  rowAt(index: number): ClusterRow | undefined;
}

export const defaultQuery: ListQuery = {
  text: '',
  label: '',
  groupId: '',
  status: '',
  sort: 'name',
  dir: 'asc',
  source: 'live',
};

/** One list of clusters (the Clusters page, or a group's clusters), paged from main. */
export function createListStore(fixed: Partial<ListQuery> = {}) {
  let generation = 0;
  const inflight = new Set<number>();
  let visible: [number, number] = [0, PAGE];

  return createStore<ListState>()((set, get) => {
    async function fetchPage(page: number, gen: number) {
      if (inflight.has(page)) return;
      inflight.add(page);
      const q = get().query;
      try {
        const result = await call('clusters.list', {
          text: q.text || undefined,
          label: q.label || undefined,
          groupId: q.groupId || undefined,
          status: q.status ? [q.status] : undefined,
          sort: q.sort,
          dir: q.dir,
          offset: page * PAGE,
          limit: PAGE,
          ...sourceArg(q.source),
        });
        if (gen !== generation) return;
        const pages = new Map(get().pages);
        pages.set(page, result.items);
        const ids = new Set(result.ids);
        const selected = new Set([...get().selected].filter((id) => ids.has(id)));
        set({
          pages,
          total: result.total,
          all: result.all,
          ids: result.ids,
          loaded: true,
          error: null,
          selected,
        });
      } catch (error) {
        if (gen === generation) set({ error: messageOf(error), loaded: true });
      } finally {
        inflight.delete(page);
      }
    }

    const reload = () => {
      generation++;
      inflight.clear();
      set({ pages: new Map() });
      get().ensureRange(...visible);
    };

    return {
      query: { ...defaultQuery, ...fixed },
      total: 0,
      all: 0,
      ids: [],
      pages: new Map(),
      loaded: false,
      error: null,
      selected: new Set(),
      setQuery(patch) {
        set({ query: { ...get().query, ...patch, ...fixed } });
        reload();
      },
      sortBy(key) {
        const q = get().query;
        get().setQuery({ sort: key, dir: q.sort === key && q.dir === 'asc' ? 'desc' : 'asc' });
      },
      ensureRange(start, end) {
        visible = [start, end];
        const first = Math.floor(Math.max(0, start) / PAGE);
        const last = Math.floor(Math.max(start, end) / PAGE);
        for (let p = first; p <= last; p++) if (!get().pages.has(p)) void fetchPage(p, generation);
      },
      refresh() {
        const gen = generation;
        const first = Math.floor(visible[0] / PAGE);
        const last = Math.floor(visible[1] / PAGE);
        for (let p = first; p <= last; p++) void fetchPage(p, gen);
      },
      toggle(id) {
        const selected = new Set(get().selected);
        if (selected.has(id)) selected.delete(id);
        else selected.add(id);
        set({ selected });
      },
      selectAll(on) {
        set({ selected: on ? new Set(get().ids) : new Set() });
      },
      rowAt(index) {
        return get().pages.get(Math.floor(index / PAGE))?.[index % PAGE];
      },
    };
  });
}
export type ListStore = ReturnType<typeof createListStore>;
