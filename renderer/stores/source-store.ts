import { create } from 'zustand';

/**
 * The data source the views are looking at: 'live' (the attached clusters), 'snapshot:<id>'
 * (an opened .flotilla file) or 'manifests:<id>' (imported YAML, a virtual cluster). Every
 * object query a view makes passes `source` from here; only 'live' can be written to.
 */
export interface SourceStore {
  source: string;
  setSource(source: string): void;
}

export const useSourceStore = create<SourceStore>((set) => ({
  source: 'live',
  setSource: (source) => set({ source }),
}));

/** The current data source id, for a view's queries (re-renders the view when it changes). */
export const useSource = (): string => useSourceStore((s) => s.source);

/** Whether a source can be written to (apply, delete, create): only live clusters can. */
export const isReadOnlySource = (source: string): boolean => source !== 'live';

/** The kind of a source id: 'live', 'snapshot' or 'manifests'. */
export function sourceKind(source: string): 'live' | 'snapshot' | 'manifests' {
  if (source.startsWith('snapshot:')) return 'snapshot';
  if (source.startsWith('manifests:')) return 'manifests';
  return 'live';
}
