import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { EventPayload } from '../../../shared/contract';

type Progress = EventPayload<'inspections.progress'>;
type Finished = EventPayload<'inspections.finished'>;

/**
 * Runs in flight, as the events tell: their progress, and the last ending per scope (so a page can
 * refetch when a run it shows ends). Fed by `useRunEvents` once, in the Inspections page and the
 * overview panel alike.
 */
export interface RunsStore {
  progress: Record<string, Progress>;
  /** runId → scope key of runs this window started (an event for another window's run is still shown). */
  started: Record<string, string>;
  /** Bumped on every finished run: views that list runs refetch when it changes. */
  finishedCount: number;
  lastFinished: Finished | null;
  /** The endings of the last runs, by run id (a run can end before the call that started it returns). */
  ended: Record<string, Finished>;
  start(runId: string, scopeKey: string): void;
  onProgress(p: Progress): void;
  onFinished(f: Finished): void;
}

export const useRunsStore = create<RunsStore>((set, get) => ({
  progress: {},
  started: {},
  finishedCount: 0,
  lastFinished: null,
  ended: {},
  start: (runId, scopeKey) =>
    // a small run can end before the call that started it returns
    runId in get().ended ||
    set({
      started: { ...get().started, [runId]: scopeKey },
      progress: { ...get().progress, [runId]: { runId, done: 0, total: 0, phase: 'reading' } },
    }),
  onProgress: (p) => set({ progress: { ...get().progress, [p.runId]: p } }),
  onFinished: (f) => {
    const progress = { ...get().progress };
    delete progress[f.runId];
    const started = { ...get().started };
    delete started[f.runId];
    const ended = Object.fromEntries([...Object.entries(get().ended).slice(-49), [f.runId, f]]);
    set({ progress, started, ended, lastFinished: f, finishedCount: get().finishedCount + 1 });
  },
}));

/** The run in flight for a scope, if this window knows of one. */
export function activeRunOf(s: RunsStore, scopeKey: string): Progress | undefined {
  for (const [runId, key] of Object.entries(s.started)) if (key === scopeKey) return s.progress[runId];
  return undefined;
}

/** Calls `listener` for every run that ends from now on (the latest listener is used). */
export function useRunFinished(listener: (f: Finished) => void): void {
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  useEffect(
    () =>
      useRunsStore.subscribe((s, prev) => {
        if (s.lastFinished && s.lastFinished !== prev.lastFinished) ref.current(s.lastFinished);
      }),
    [],
  );
}
