import { create } from 'zustand';

/**
 * Whether the search palette is open, so that the shortcut and the top-bar button open the same
 * palette; it remembers what had the focus, to give it back on close.
 */
interface SearchOpenState {
  open: boolean;
  returnFocus: Element | null;
  show(): void;
  hide(): void;
}

export const useSearchOpen = create<SearchOpenState>((set) => ({
  open: false,
  returnFocus: null,
  show: () => set({ open: true, returnFocus: document.activeElement }),
  hide: () => set({ open: false }),
}));
