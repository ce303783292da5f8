/**
 * Inspection runs over the object query layer: resolves a scope to a reader, runs the engine with
 * progress and cancel, stores the results and findings, and reports the end of every run.
 */
import { randomUUID } from 'node:crypto';
import type { ObjectReader } from '../../../../shared/objects/types';
import type { InspectionStore, CheckMeta } from '../../../store/inspections';
import type { Logger } from '../../log';
import { builtInChecks } from '../catalog';
import { runInspection } from '../engine';
import type { Check, CheckSetId, InspectionConfig } from '../types';
import { ScopedReader, type ScopePart } from './scoped-reader';

/** What a scope covers, resolved by the app (fleet, groups, workspaces, open sources). */
export interface ScopePlan {
  label: string;
  /** 'live', 'snapshot:<id>' or 'manifests:<id>'. */
  source: string;
  parts: ScopePart[];
  /** Kubernetes version per cluster (as the objects name the cluster). */
  clusterVersions: Record<string, string>;
}

export interface RunRequest<S> {
  scope: S;
  scopeKey: string;
  /** 'manual' or 'schedule:<id>'. */
  trigger: string;
  /** Sets for this run only; otherwise the config's. */
  sets?: CheckSetId[];
}

export type RunPhase = 'reading' | 'inspecting' | 'storing';
export type RunEnd = {
  runId: string;
  scopeKey: string;
  status: 'done' | 'failed' | 'cancelled';
  message?: string;
  score?: number;
  grade?: string;
};

export interface RunServiceDeps<S> {
  store: InspectionStore;
  /** Where a source's objects are read (the live cache, a snapshot file, imported manifests). */
  readerFor(source: string): ObjectReader;
  plan(scope: S): Promise<ScopePlan> | ScopePlan;
  /** The engine config for a scope (its saved configuration). */
  config(scopeKey: string): InspectionConfig;
  log: Logger;
  onProgress?(p: { runId: string; done: number; total: number; phase: RunPhase }): void;
  onFinished?(end: RunEnd): void;
  checks?: Check[];
  now?: () => Date;
  /** Objects between progress reports. */
  batch?: number;
}

const allSets: CheckSetId[] = ['polaris', 'pss-baseline', 'pss-restricted', 'health'];

export function createRunService<S>(deps: RunServiceDeps<S>) {
  const now = deps.now ?? (() => new Date());
  const active = new Map<string, { controller: AbortController; done: Promise<RunEnd> }>();
  deps.store.failInterrupted(now().toISOString());

  async function execute(runId: string, req: RunRequest<S>, config: InspectionConfig, signal: AbortSignal) {
    const plan = await deps.plan(req.scope);
    signal.throwIfAborted();
    const reader = new ScopedReader(deps.readerFor(plan.source), plan.source, plan.parts);
    deps.onProgress?.({ runId, done: 0, total: 0, phase: 'reading' });
    const result = await runInspection({
      reader,
      checks: deps.checks ?? builtInChecks,
      scope: { source: plan.source },
      config: { ...config, clusterVersions: { ...plan.clusterVersions, ...config.clusterVersions } },
      signal,
      now: now(),
      batch: deps.batch,
      onProgress: (p) => deps.onProgress?.({ runId, done: p.completed, total: p.total, phase: 'inspecting' }),
    });
    signal.throwIfAborted();
    deps.onProgress?.({
      runId,
      done: result.objectsInspected,
      total: result.objectsInspected,
      phase: 'storing',
    });
    const checks: Record<string, CheckMeta> = {};
    for (const f of result.findings)
      checks[f.checkId] ??= { title: f.title, remediation: f.remediation, set: f.set };
    await deps.store.completeRun(
      runId,
      {
        finishedAt: now().toISOString(),
        objects: result.objectsInspected,
        checksRun: result.checksRun,
        score: result.score,
        grade: result.grade,
        results: result.results,
        checks,
        findings: result.findings,
      },
      { signal },
    );
    return result;
  }

  return {
    /** Starts a run and returns its id at once; `whenDone(id)` resolves at its end. */
    start(req: RunRequest<S>, label: string): string {
      const runId = `${now().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
      const config = deps.config(req.scopeKey);
      if (req.sets) config.sets = req.sets;
      const sets = config.sets ?? allSets;
      deps.store.insertRun({
        id: runId,
        scopeKey: req.scopeKey,
        scope: req.scope,
        label,
        sets,
        trigger: req.trigger,
        startedAt: now().toISOString(),
      });
      const controller = new AbortController();
      const done = execute(runId, req, config, controller.signal).then(
        (r): RunEnd => ({
          runId,
          scopeKey: req.scopeKey,
          status: 'done',
          score: r.score,
          grade: r.grade,
        }),
        (error: unknown): RunEnd => {
          const cancelled = controller.signal.aborted;
          const message = cancelled ? 'Cancelled' : error instanceof Error ? error.message : String(error);
          if (!cancelled) deps.log.warn(`inspection ${runId} failed: ${message}`);
          deps.store.endRun(runId, cancelled ? 'cancelled' : 'failed', now().toISOString(), message);
          return { runId, scopeKey: req.scopeKey, status: cancelled ? 'cancelled' : 'failed', message };
        },
      );
      const tracked = done.then((end) => {
        active.delete(runId);
        deps.onFinished?.(end);
        return end;
      });
      active.set(runId, { controller, done: tracked });
      return runId;
    },

    cancel(runId: string): boolean {
      const run = active.get(runId);
      if (!run) return false;
      run.controller.abort();
      return true;
    },

    /** Resolves when the run ends (at once with undefined when it is not running). */
    whenDone(runId: string): Promise<RunEnd | undefined> {
      return active.get(runId)?.done ?? Promise.resolve(undefined);
    },

    isRunning(runId: string): boolean {
      return active.has(runId);
    },

    /** Cancels every run and waits for them to end (app shutdown). */
    async close(): Promise<void> {
      const runs = [...active.values()];
      for (const r of runs) r.controller.abort();
      await Promise.all(runs.map((r) => r.done));
    },
  };
}

export type RunService<S> = ReturnType<typeof createRunService<S>>;
