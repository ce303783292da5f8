import fs from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  ScopeConfig,
  scopeKey,
  type ConformanceResult,
  type InspectionCategory,
  type InspectionFinding,
  type InspectionScope,
  type InspectionSchedule,
  type InspectionRunSummary,
  type ScheduleEvery,
  type inspectionCalls,
  type inspectionEvents,
} from '../../../shared/contract/inspections';
import { AppError } from '../../../shared/contract/result';
import type { ObjectReader } from '../../../shared/objects/types';
import { builtInChecks } from '../../services/inspection/catalog';
import { readSonobuoyResults, ResultsError } from '../../services/inspection/conformance/results';
import {
  findOnPath,
  runSonobuoy,
  SONOBUOY_MISSING,
  sonobuoyAvailable,
} from '../../services/inspection/conformance/sonobuoy';
import { toEngineConfig, defaultScopeConfig } from '../../services/inspection/runs/config-map';
import { exportFileName, renderExport, reportInput } from '../../services/inspection/runs/export';
import { planScope, type PlanDeps } from '../../services/inspection/runs/plan';
import { createRunService } from '../../services/inspection/runs/service';
import { nextRun, startScheduler, type Every } from '../../services/inspection/scheduler';
import type { Logger } from '../../services/log';
import type { Db } from '../../store/db';
import {
  createInspectionStore,
  type ConformanceRecord,
  type RunRecord,
  type ScheduleRecord,
} from '../../store/inspections';

/**
 * Inspections and conformance (issue 7): runs over any source with progress and cancel, history,
 * findings pages, diff, trend, export, per-scope configuration, schedules (while the app is open,
 * catching up once on start) and Sonobuoy runs and imports.
 */

type InspectionCalls = typeof inspectionCalls;
export type InspectionHandlers = {
  [N in keyof InspectionCalls]: (
    input: z.output<InspectionCalls[N]['input']>,
  ) => Promise<z.output<InspectionCalls[N]['output']>> | z.output<InspectionCalls[N]['output']>;
};
type InspectionEvents = typeof inspectionEvents;

export interface InspectionsAreaContext extends PlanDeps {
  db: Db;
  log: Logger;
  emit<N extends keyof InspectionEvents>(name: N, payload: z.output<InspectionEvents[N]>): void;
  /** The object query layer for a source: the live cache, an open snapshot file, imported manifests. */
  readerFor(source: string): ObjectReader;
  /** A kubeconfig (YAML) for one live cluster, for Sonobuoy. */
  kubeConfigYaml(clusterId: string): string;
  now?: () => Date;
  /** Finished runs per scope that keep their findings (default 30); older runs keep score and counts. */
  keepFindingsRuns?: number;
  /** Schedules start a timer unless false (tests). */
  schedules?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface InspectionsArea {
  handlers: InspectionHandlers;
  /** Resolves when every scheduled run started so far has ended (tests, shutdown). */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

const summary = (r: RunRecord): InspectionRunSummary => ({
  id: r.id,
  scope: r.scope as InspectionScope,
  scopeKey: r.scopeKey,
  label: r.label,
  kind: 'lite',
  status: r.status,
  sets: r.sets as InspectionRunSummary['sets'],
  trigger: r.trigger,
  startedAt: r.startedAt,
  ...(r.finishedAt ? { finishedAt: r.finishedAt } : {}),
  ...(r.message ? { message: r.message } : {}),
  objects: r.objects,
  score: r.score,
  grade: r.grade,
  results: r.results,
  findings: r.findings,
  bySeverity: r.bySeverity,
  byCategory: r.byCategory,
});

export function createInspectionsArea(ctx: InspectionsAreaContext): InspectionsArea {
  const now = ctx.now ?? (() => new Date());
  const store = createInspectionStore(ctx.db);
  const plan = (scope: InspectionScope) => planScope(scope, ctx);

  const savedConfig = (key: string): ScopeConfig | undefined => {
    const raw = store.getConfig(key);
    if (raw === undefined) return undefined;
    const parsed = ScopeConfig.safeParse(raw);
    if (parsed.success) return parsed.data;
    ctx.log.warn(`inspection config of ${key} is unreadable, using the defaults: ${parsed.error.message}`);
    return undefined;
  };
  /** A scope's own configuration, else the fleet's, else the defaults. */
  const configFor = (key: string): ScopeConfig =>
    savedConfig(key) ?? savedConfig('fleet') ?? (defaultScopeConfig() as ScopeConfig);

  const runs = createRunService<InspectionScope>({
    store,
    readerFor: (source) => ctx.readerFor(source),
    plan,
    config: (key) => toEngineConfig(configFor(key)),
    log: ctx.log,
    now,
    onProgress: (p) => ctx.emit('inspections.progress', p),
    onFinished: (end) => {
      if (end.status === 'done') prune(end.scopeKey);
      ctx.emit('inspections.finished', end);
    },
  });

  const getRun = (runId: string): RunRecord => {
    const r = store.getRun(runId);
    if (!r) throw new AppError('NOT_FOUND', `Inspection run ${runId} does not exist (deleted?)`);
    return r;
  };
  const keep = ctx.keepFindingsRuns ?? 30;
  const prunedNote = `Findings removed to save space: the newest ${keep} runs of a scope keep theirs; this run's score and counts remain.`;
  function prune(key: string): void {
    try {
      const pruned = store.pruneFindings(key, keep, prunedNote);
      if (pruned.length)
        ctx.log.info(`inspections of ${key}: findings of ${pruned.length} old run(s) removed`);
    } catch (e) {
      ctx.log.warn(`inspections of ${key}: pruning old findings failed: ${String(e)}`);
    }
  }
  /** A run whose findings can be read (not pruned). */
  const withFindings = (runId: string): RunRecord => {
    const r = getRun(runId);
    if (!store.hasFindings(runId))
      throw new AppError(
        'NOT_FOUND',
        `The findings of the run of ${r.startedAt} (${r.label}) were removed. ${prunedNote}`,
      );
    return r;
  };

  async function startRun(scope: InspectionScope, trigger: string, sets?: InspectionRunSummary['sets']) {
    const p = await plan(scope);
    return runs.start({ scope, scopeKey: scopeKey(scope), trigger, ...(sets ? { sets } : {}) }, p.label);
  }

  // ---- schedules ----
  const scheduleView = (s: ScheduleRecord): InspectionSchedule => {
    const next = nextRun({ ...s, every: s.every as Every });
    return {
      id: s.id,
      scope: s.scope as InspectionScope,
      label: s.label,
      every: s.every as ScheduleEvery,
      enabled: s.enabled,
      ...(s.lastRunAt ? { lastRunAt: s.lastRunAt } : {}),
      ...(s.lastRunId ? { lastRunId: s.lastRunId } : {}),
      ...(next ? { nextRunAt: next.toISOString() } : {}),
    };
  };
  const scheduled = new Set<string>();
  const pending = new Set<Promise<unknown>>();
  const runSchedule = (s: ScheduleRecord & { every: Every }, at: Date) => {
    if (scheduled.has(s.id)) return;
    scheduled.add(s.id);
    // Recorded before the run ends, so a slow run is not started twice.
    store.markScheduleRun(s.id, at.toISOString(), '');
    const p = startRun(s.scope as InspectionScope, `schedule:${s.id}`)
      .then(async (runId) => {
        store.markScheduleRun(s.id, at.toISOString(), runId);
        await runs.whenDone(runId);
      })
      .catch((e: unknown) => ctx.log.warn(`scheduled inspection ${s.id} could not start: ${String(e)}`))
      .finally(() => {
        scheduled.delete(s.id);
        pending.delete(p);
      });
    pending.add(p);
  };
  const scheduler =
    ctx.schedules === false
      ? undefined
      : startScheduler({
          list: () => store.schedules().map((s) => ({ ...s, every: s.every as Every })),
          run: runSchedule,
          now,
          onError: (e) => ctx.log.warn(`inspection schedules: ${String(e)}`),
        });

  // ---- conformance ----
  const conformanceView = (c: ConformanceRecord) => ({
    id: c.id,
    ...(c.cluster ? { cluster: c.cluster } : {}),
    origin: c.origin,
    ...(c.mode ? { mode: c.mode } : {}),
    status: c.status,
    ...(c.message ? { message: c.message } : {}),
    startedAt: c.startedAt,
    ...(c.finishedAt ? { finishedAt: c.finishedAt } : {}),
  });
  const conformanceRuns = new Map<string, AbortController>();
  const totals = (plugins: ReturnType<typeof readSonobuoyResults>) => ({
    passed: plugins.reduce((n, p) => n + p.passed, 0),
    failed: plugins.reduce((n, p) => n + p.failed, 0),
    skipped: plugins.reduce((n, p) => n + p.skipped, 0),
  });

  const handlers: InspectionHandlers = {
    'inspections.run': async ({ scope, sets }) => ({ runId: await startRun(scope, 'manual', sets) }),
    'inspections.cancel': ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    'inspections.list': ({ scope, limit }) =>
      store.listRuns({ ...(scope ? { scopeKey: scopeKey(scope) } : {}), limit }).map(summary),
    'inspections.latest': ({ scope }) => {
      const [r] = store.listRuns({ scopeKey: scopeKey(scope), status: 'done', limit: 1 });
      return r ? summary(r) : null;
    },
    'inspections.get': async ({ runId }) => {
      const r = getRun(runId);
      const names = new Map((await ctx.clusters().catch(() => [])).map((c) => [c.id, c.name]));
      const meta = store.checkMeta(runId);
      const sevNames = ['danger', 'warning', 'info'] as const;
      return {
        ...summary(r),
        byCluster: store.countsBy(runId, 'cluster').map((c) => ({
          key: c.key,
          label: names.get(c.key) ?? c.key,
          danger: c.danger,
          warning: c.warning,
          info: c.info,
        })),
        byNamespace: store.countsBy(runId, 'namespace').map((c) => ({
          key: c.key,
          label: `${names.get(c.cluster) ?? c.cluster}/${c.namespace || '(cluster)'}`,
          cluster: c.cluster,
          namespace: c.namespace,
          danger: c.danger,
          warning: c.warning,
          info: c.info,
        })),
        byCheck: store.countsBy(runId, 'check').map((c) => ({
          key: c.key,
          label: c.key,
          title: meta[c.key]?.title ?? c.key,
          category: c.category as InspectionCategory,
          severity: sevNames[c.sev] ?? 'info',
          danger: c.danger,
          warning: c.warning,
          info: c.info,
        })),
      };
    },
    'inspections.delete': ({ runIds }) => {
      for (const id of runIds) runs.cancel(id);
      return { deleted: store.deleteRuns(runIds) };
    },
    'inspections.findings': ({ runId, filters, offset, limit }) => {
      withFindings(runId);
      const page = store.findings(runId, filters, offset, limit);
      return { total: page.total, offset, items: page.items as InspectionFinding[] };
    },
    'inspections.diff': ({ a, b, status, filters, offset, limit }) => {
      withFindings(a);
      withFindings(b);
      const d = store.diff(a, b, status, filters, offset, limit);
      return {
        a,
        b,
        counts: d.counts,
        status,
        page: { total: d.total, offset, items: d.items as InspectionFinding[] },
      };
    },
    'inspections.trend': ({ scope, limit }) =>
      store
        .listRuns({ scopeKey: scopeKey(scope), status: 'done', limit })
        .reverse()
        .map((r) => ({
          runId: r.id,
          time: r.finishedAt ?? r.startedAt,
          score: r.score,
          grade: r.grade,
          ...r.bySeverity,
        })),
    'inspections.export': async ({ runId, format, path }) => {
      const run = withFindings(runId);
      if (run.status !== 'done')
        throw new AppError('CONFLICT', `Run ${runId} is ${run.status}; only finished runs can be exported`);
      const text = renderExport(format, reportInput(run, store.allFindings(runId)));
      const fileName = exportFileName(run, format);
      if (!path) return { format, fileName, text };
      try {
        await fs.writeFile(path, text);
      } catch (e) {
        throw new AppError('INVALID_ARGUMENT', `Cannot write ${path}: ${(e as Error).message}`);
      }
      return { format, fileName, path };
    },
    'inspections.checks': () =>
      builtInChecks.map((c) => ({
        id: c.id,
        set: c.set,
        title: c.title,
        category: c.category,
        severity: c.severity,
        targetKinds: c.targetKinds,
        remediation: c.remediation,
      })),
    'inspections.config.get': ({ scope }) => configFor(scopeKey(scope)),
    'inspections.config.set': ({ scope, config }) => {
      const known = new Set(builtInChecks.map((c) => c.id));
      const unknown = Object.keys(config.checks).filter((id) => !known.has(id));
      if (unknown.length)
        throw new AppError('INVALID_ARGUMENT', `config.checks: unknown check id ${unknown.join(', ')}`);
      store.setConfig(scopeKey(scope), config, now().toISOString());
      return config;
    },
    'inspections.schedules.list': () => store.schedules().map(scheduleView),
    'inspections.schedules.set': async ({ id, scope, every, enabled }) => {
      const existing = id ? store.schedules().find((s) => s.id === id) : undefined;
      if (id && !existing) throw new AppError('NOT_FOUND', `Schedule ${id} does not exist`);
      const p = await plan(scope);
      const record: ScheduleRecord = {
        id: existing?.id ?? randomUUID(),
        scopeKey: scopeKey(scope),
        scope,
        label: p.label,
        every,
        enabled,
        createdAt: existing?.createdAt ?? now().toISOString(),
        ...(existing?.lastRunAt ? { lastRunAt: existing.lastRunAt } : {}),
        ...(existing?.lastRunId ? { lastRunId: existing.lastRunId } : {}),
      };
      store.upsertSchedule(record);
      return scheduleView(record);
    },
    'inspections.schedules.delete': ({ id }) => ({ deleted: store.deleteSchedule(id) }),

    'conformance.available': () => sonobuoyAvailable(ctx.env),
    'conformance.run': ({ cluster, mode }) => {
      if (!findOnPath('sonobuoy', ctx.env)) throw new AppError('UNAVAILABLE', SONOBUOY_MISSING);
      const kubeconfigYaml = ctx.kubeConfigYaml(cluster);
      const id = randomUUID();
      const base: ConformanceRecord = {
        id,
        cluster,
        origin: 'run',
        mode,
        status: 'running',
        startedAt: now().toISOString(),
        passed: 0,
        failed: 0,
        skipped: 0,
        plugins: [],
      };
      store.saveConformance(base);
      const controller = new AbortController();
      conformanceRuns.set(id, controller);
      runSonobuoy({
        mode,
        kubeconfigYaml,
        signal: controller.signal,
        env: ctx.env,
        onLine: (message) => ctx.emit('conformance.progress', { id, message }),
      })
        .then(({ file, data }) => {
          const plugins = readSonobuoyResults(data, file);
          store.saveConformance({
            ...base,
            status: 'done',
            finishedAt: now().toISOString(),
            ...totals(plugins),
            plugins,
          });
          ctx.emit('conformance.finished', { id, status: 'done' });
        })
        .catch((e: unknown) => {
          const status = controller.signal.aborted ? 'cancelled' : 'failed';
          const message = e instanceof Error ? e.message : String(e);
          store.saveConformance({ ...base, status, message, finishedAt: now().toISOString() });
          ctx.emit('conformance.finished', { id, status, message });
        })
        .finally(() => conformanceRuns.delete(id));
      return { id };
    },
    'conformance.import': async ({ path, name, dataBase64 }) => {
      const file = name ?? path ?? 'results.tar.gz';
      let data: Buffer;
      if (path) {
        try {
          data = await fs.readFile(path);
        } catch (e) {
          throw new AppError(
            'INVALID_ARGUMENT',
            `${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
          );
        }
      } else data = Buffer.from(dataBase64 ?? '', 'base64');
      let plugins;
      try {
        plugins = readSonobuoyResults(data, file);
      } catch (e) {
        if (e instanceof ResultsError) throw new AppError('INVALID_ARGUMENT', e.message);
        throw e;
      }
      const at = now().toISOString();
      const record: ConformanceRecord = {
        id: randomUUID(),
        cluster: file.split(/[\\/]/).pop(),
        origin: 'import',
        status: 'done',
        startedAt: at,
        finishedAt: at,
        ...totals(plugins),
        plugins,
      };
      store.saveConformance(record);
      return { ...conformanceView(record), plugins };
    },
    'conformance.get': ({ id }) => {
      const c = store.conformance(id);
      if (!c) throw new AppError('NOT_FOUND', `Conformance result ${id} does not exist`);
      return { ...conformanceView(c), plugins: c.plugins as ConformanceResult['plugins'] };
    },
    'conformance.list': () =>
      store
        .conformanceList()
        .map((c) => ({ ...conformanceView(c), passed: c.passed, failed: c.failed, skipped: c.skipped })),
  };

  return {
    handlers,
    async whenIdle() {
      while (pending.size) await Promise.all([...pending]);
    },
    async close() {
      scheduler?.stop();
      for (const c of conformanceRuns.values()) c.abort();
      await runs.close();
    },
  };
}
