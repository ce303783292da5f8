import { create } from 'zustand';
import type { ImportResult } from '../../../shared/contract/sources';
import { call, messageOf } from '../../lib/call';
import type { DroppedText } from './read-drop';

/** The last import shown on the import result page, and the import under way. */
export interface ManifestsState {
  result: ImportResult | null;
  busy: string | null;
  error: string | null;
  /** Imports dropped text files or (desktop) paths, then shows the result page. */
  importDrop(input: { files?: DroppedText[]; paths?: string[]; what: string }): Promise<void>;
  fail(message: string): void;
  close(): void;
}

export const useManifestsStore = create<ManifestsState>((set) => ({
  result: null,
  busy: null,
  error: null,
  async importDrop({ files, paths, what }) {
    set({ busy: `Importing ${what}…`, error: null, result: null });
    try {
      const result = await call('manifests.import', {
        files: files?.length ? files : undefined,
        paths: paths?.length ? paths : undefined,
      });
      set({ result, busy: null });
    } catch (e) {
      set({ busy: null, error: `${what} could not be imported: ${messageOf(e)}` });
    }
  },
  fail: (message) => set({ busy: null, error: message, result: null }),
  close: () => set({ result: null, busy: null, error: null }),
}));
