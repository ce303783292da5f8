import { create } from 'zustand';
import type { SourceView } from '../../../shared/contract/sources';
import { call, messageOf } from '../../lib/call';
import { useSourceStore } from '../../stores/source-store';

/** The open data sources ('sources.list'), refetched on 'sources.changed'. */
export interface SourcesState {
  views: SourceView[];
  loaded: boolean;
  error: string | null;
  refresh(): Promise<void>;
  /** Closes a snapshot or import; shows live again if it was the current source. */
  close(id: string): Promise<void>;
}

/** The source shown survives a reload of the page (this tab only), as long as it is still open. */
const SAVED = 'flotilla.source';
const saved = (): string | null => {
  try {
    return sessionStorage.getItem(SAVED);
  } catch {
    return null;
  }
};
useSourceStore.subscribe((s) => {
  try {
    sessionStorage.setItem(SAVED, s.source);
  } catch {
    // Storage refused (private mode): the source is simply not remembered.
  }
});
let restored = false;

export const useSourcesStore = create<SourcesState>((set, get) => ({
  views: [],
  loaded: false,
  error: null,
  async refresh() {
    try {
      const views = await call('sources.list', {});
      set({ views, loaded: true, error: null });
      const keep = restored ? null : saved();
      restored = true;
      if (keep && keep !== 'live' && views.some((v) => v.id === keep))
        useSourceStore.getState().setSource(keep);
      // The current source was closed elsewhere (another window, the CLI): fall back to live.
      const current = useSourceStore.getState().source;
      if (current !== 'live' && !views.some((v) => v.id === current))
        useSourceStore.getState().setSource('live');
    } catch (e) {
      set({ loaded: true, error: messageOf(e) });
    }
  },
  async close(id) {
    if (useSourceStore.getState().source === id) useSourceStore.getState().setSource('live');
    await call('sources.close', { id });
    await get().refresh();
  },
}));

/** The view of one source, when open. */
export const useSourceView = (id: string): SourceView | undefined =>
  useSourcesStore((s) => s.views.find((v) => v.id === id));
