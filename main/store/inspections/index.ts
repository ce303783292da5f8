import type { Db } from '../db';
import { createConfigQueries } from './config';
import { createConformanceQueries } from './conformance';
import { createFindingQueries } from './findings';
import { createRunIndex } from './run-index';
import { createRunQueries } from './runs';
import { createScheduleQueries } from './schedules';

/**
 * Inspection history: runs (one row each, with their score and counts), their findings (one row per
 * offending field, indexed for the findings table's filters and for the diff between two runs),
 * per-scope configuration, schedules and conformance (Sonobuoy) results. One file per concern;
 * this one puts them together as the store the services use.
 */
export function createInspectionStore(db: Db) {
  const index = createRunIndex(db);
  return {
    ...createRunQueries(db, index),
    ...createFindingQueries(db, index),
    ...createConfigQueries(db),
    ...createScheduleQueries(db),
    ...createConformanceQueries(db),
  };
}

export type InspectionStore = ReturnType<typeof createInspectionStore>;

export { findingIdentity, hash53 } from './identity';
export { INSPECTIONS_SCHEMA_SQL, INSPECTIONS_V7_SQL } from './schema';
export type {
  CheckMeta,
  ConformanceRecord,
  CountRowRecord,
  FindingFilter,
  FindingInput,
  FindingRecord,
  ResultCounts,
  RunRecord,
  ScheduleRecord,
  Sev,
} from './types';
