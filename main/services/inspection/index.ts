/** Inspections: built-in checks over any ObjectReader (live cache, snapshot, imported manifests). */
import type { ObjectQuery, ObjectReader, StoredObject } from '../../../shared/objects/types';
import { MemoryObjectReader } from '../objects-memory/memory-reader';
import { builtInChecks } from './catalog';
import { runInspection } from './engine';
import type { Check, InspectionConfig, InspectionProgress, InspectionResult } from './types';

export interface InspectOptions {
  scope?: ObjectQuery;
  config?: InspectionConfig;
  checks?: Check[];
  onProgress?: (p: InspectionProgress) => void;
  signal?: AbortSignal;
  now?: Date;
  /** Objects between progress reports and event-loop yields. */
  batch?: number;
}

/** Runs the built-in checks (or the given ones) over a reader. */
export function inspect(reader: ObjectReader, opts: InspectOptions = {}): Promise<InspectionResult> {
  return runInspection({ reader, checks: opts.checks ?? builtInChecks, ...opts });
}

/**
 * Full inspection of objects held in memory — the entry point for benchmarks
 * (e.g. bench/inspection.ts: 100,000 simulated objects vs a bare JSON.parse pass).
 */
export function inspectObjects(
  objects: Iterable<StoredObject>,
  opts: InspectOptions = {},
): Promise<InspectionResult> {
  return inspect(new MemoryObjectReader(objects), opts);
}

export { builtInChecks, polarisChecks, pssChecks, healthChecks, checkById } from './catalog';
export { runInspection } from './engine';
export { ConfigResolver, polarisExemptAnnotation, polarisCheckExemptAnnotation } from './config';
export { polarisScore, gradeOf, summarize, diffFindings, findingKey } from './score';
export type * from './types';
export type { FindingSummary, FindingDiff } from './score';
