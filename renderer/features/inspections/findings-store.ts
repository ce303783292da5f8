import { createStore } from 'zustand/vanilla';
import type { FindingPage, InspectionFinding } from '../../../shared/contract/inspections';

export const PAGE = 200;

/**
 * One findings table, paged from main (inspections.findings or inspections.diff): only the pages
 * around the visible window are fetched; filtering happens in main. `fetch` is fixed for the
 * store's life (a new filter or a new diff status makes a new store).
 */
export interface FindingsState {
  total: number;
  pages: Map<number, InspectionFinding[]>;
  loaded: boolean;
  error: string | null;
  ensureRange(start: number, end: number): void;
  rowAt(index: number): InspectionFinding | undefined;
}

export function createFindingsList(fetch: (offset: number, limit: number) => Promise<FindingPage>) {
  const inflight = new Set<number>();
  return createStore<FindingsState>()((set, get) => {
    async function fetchPage(page: number) {
      if (inflight.has(page)) return;
      inflight.add(page);
      try {
        const result = await fetch(page * PAGE, PAGE);
        const pages = new Map(get().pages);
        pages.set(page, result.items);
        set({ pages, total: result.total, loaded: true, error: null });
      } catch (error) {
        set({ error: error instanceof Error ? error.message : String(error), loaded: true });
      } finally {
        inflight.delete(page);
      }
    }
    void fetchPage(0);
    return {
      total: 0,
      pages: new Map(),
      loaded: false,
      error: null,
      ensureRange(start, end) {
        if (!get().loaded) return;
        const first = Math.floor(Math.max(0, start) / PAGE);
        const last = Math.floor(Math.max(start, end) / PAGE);
        for (let p = first; p <= last; p++) if (!get().pages.has(p)) void fetchPage(p);
      },
      rowAt(index) {
        return get().pages.get(Math.floor(index / PAGE))?.[index % PAGE];
      },
    };
  });
}
