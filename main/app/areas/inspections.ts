import type { z } from 'zod';
import type { inspectionCalls } from '../../../shared/contract/inspections';
import { AppError } from '../../../shared/contract/result';

/**
 * Inspections and conformance (issue 7): runs, history, diff, trend, export, configuration,
 * schedules and Sonobuoy. (Being built: see shared/contract/inspections.ts for the calls.)
 */

type InspectionCalls = typeof inspectionCalls;
export type InspectionHandlers = {
  [N in keyof InspectionCalls]: (
    input: z.output<InspectionCalls[N]['input']>,
  ) => Promise<z.output<InspectionCalls[N]['output']>> | z.output<InspectionCalls[N]['output']>;
};

const unavailable = (): never => {
  throw new AppError('UNAVAILABLE', 'Inspections are not available in this build yet');
};

export function createInspectionsArea(): { handlers: InspectionHandlers } {
  const names = [
    'inspections.run',
    'inspections.cancel',
    'inspections.list',
    'inspections.latest',
    'inspections.get',
    'inspections.delete',
    'inspections.findings',
    'inspections.diff',
    'inspections.trend',
    'inspections.export',
    'inspections.checks',
    'inspections.config.get',
    'inspections.config.set',
    'inspections.schedules.list',
    'inspections.schedules.set',
    'inspections.schedules.delete',
    'conformance.available',
    'conformance.run',
    'conformance.import',
    'conformance.get',
    'conformance.list',
  ] as const;
  return {
    handlers: Object.fromEntries(names.map((n) => [n, unavailable])) as unknown as InspectionHandlers,
  };
}
