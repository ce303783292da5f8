import { create } from 'zustand';

export type NoticeTone = 'info' | 'warn' | 'error';

/** One short message at a time, shown at the bottom of the page and read out by screen readers. */
export interface NoticeStore {
  notice: { id: number; text: string; tone: NoticeTone } | null;
  show(text: string, tone?: NoticeTone): void;
  dismiss(id?: number): void;
}

let nextId = 0;

export const useNoticeStore = create<NoticeStore>((set, get) => ({
  notice: null,
  show: (text, tone = 'info') => set({ notice: { id: ++nextId, text, tone } }),
  dismiss: (id) => {
    if (id === undefined || get().notice?.id === id) set({ notice: null });
  },
}));
