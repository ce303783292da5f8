/** Runs checks over objects from an ObjectReader: exemptions, severities, progress and cancellation. */
import type { ObjectQuery, ObjectReader } from '../../../shared/objects/types';
import { ConfigResolver } from './config';
import { compileCustomCheck } from './custom/custom-check';
import { polarisScore, gradeOf } from './score';
import type {
  Check,
  CheckContext,
  CheckResultCounts,
  Finding,
  InspectionConfig,
  InspectionProgress,
  InspectionResult,
} from './types';

export interface RunOptions {
  reader: ObjectReader;
  scope?: ObjectQuery;
  config?: InspectionConfig;
  checks: Check[];
  onProgress?: (p: InspectionProgress) => void;
  signal?: AbortSignal;
  now?: Date;
  /** Objects between progress reports and event-loop yields. */
  batch?: number;
}

const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runInspection(opts: RunOptions): Promise<InspectionResult> {
  const started = opts.now ?? new Date();
  const scope: ObjectQuery = { ...opts.scope };
  const resolver = new ConfigResolver(opts.config);
  const custom = Object.entries(opts.config?.customChecks ?? {}).map(([id, spec]) =>
    compileCustomCheck(id, spec),
  );
  const active = [...opts.checks, ...custom].filter((c) => resolver.isActive(c));
  const byKind = new Map<string, Check[]>();
  for (const c of active) for (const k of c.targetKinds) byKind.set(k, [...(byKind.get(k) ?? []), c]);
  const kinds = [...byKind.keys()];
  if (scope.kinds) kinds.splice(0, kinds.length, ...kinds.filter((k) => scope.kinds!.includes(k)));

  const memo = new Map<string, unknown>();
  const versions = opts.config?.clusterVersions ?? {};
  const ctx: CheckContext = {
    reader: opts.reader,
    scope,
    now: started,
    kubernetesVersion: (cluster) => versions[cluster] ?? opts.config?.kubernetesVersion,
    memo<T>(key: string, make: () => T): T {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as T;
    },
  };

  const query = { ...scope, kinds };
  const total = kinds.length ? opts.reader.count(query) : 0;
  const batch = opts.batch ?? 2000;
  const findings: Finding[] = [];
  const results: CheckResultCounts = { pass: 0, warning: 0, danger: 0, info: 0 };
  let done = 0;
  opts.signal?.throwIfAborted();
  opts.onProgress?.({ completed: 0, total, phase: 'inspecting' });

  const perObject = resolver.hasPerObjectRules;
  const base = new Map(active.map((c) => [c, resolver.baseSeverity(c)]));
  for (const obj of kinds.length ? opts.reader.iterate(query) : []) {
    const annotations = obj.object.metadata?.annotations;
    const hasAnnotations = !!annotations && Object.keys(annotations).length > 0;
    let ref: Finding['object'] | undefined;
    for (const check of byKind.get(obj.kind) ?? []) {
      const severity = perObject ? resolver.severityFor(check, obj) : base.get(check);
      if (!severity) continue;
      if (hasAnnotations && resolver.isAnnotationExempt(check.id, annotations)) continue;
      if (perObject && resolver.isConfigExempt(check, obj)) continue;
      const violations = check.evaluate(obj, ctx);
      if (violations === null) continue;
      const units = check.units ? check.units(obj) : 1;
      let failing = violations.length === 0 ? 0 : 1;
      if (units > 1 && failing) failing = new Set(violations.map((v) => v.unit ?? v.path)).size;
      results.pass += Math.max(0, units - failing);
      if (!failing) continue;
      results[severity] += failing;
      ref ??= {
        source: obj.source,
        cluster: obj.cluster,
        group: obj.group,
        version: obj.version,
        kind: obj.kind,
        namespace: obj.namespace,
        name: obj.name,
      };
      for (const v of violations) {
        findings.push({
          checkId: check.id,
          set: check.set,
          title: check.title,
          severity,
          category: check.category,
          message: v.message,
          remediation: check.remediation,
          path: v.path,
          object: ref,
        });
      }
    }
    if (++done % batch === 0) {
      opts.onProgress?.({ completed: done, total, phase: 'inspecting' });
      await yieldToLoop();
      opts.signal?.throwIfAborted();
    }
  }
  opts.onProgress?.({ completed: done, total, phase: 'done' });
  const score = polarisScore(results);
  return {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    scope,
    objectsInspected: done,
    checksRun: active.length,
    findings,
    results,
    score,
    grade: gradeOf(score),
  };
}
