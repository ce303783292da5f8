import { create } from 'zustand';

/** One short message at a time, shown at the bottom of the page and read out by screen readers. */
export interface NoticeStore {
  notice: { id: number; text: string } | null;
  show(text: string): void;
  dismiss(id?: number): void;
}

let nextId = 0;

export const useNoticeStore = create<NoticeStore>((set, get) => ({
  notice: null,
  show: (text) => set({ notice: { id: ++nextId, text } }),
  dismiss: (id) => {
    if (id === undefined || get().notice?.id === id) set({ notice: null });
  },
}));
