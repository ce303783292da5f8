import type { z } from 'zod';
import type { sourceCalls } from '../../../shared/contract/sources';
import { AppError } from '../../../shared/contract/result';

/** Diff between two data sources (snapshots or live): 'snapshots.diff' and 'snapshots.diffObject'. */

type SourceCalls = typeof sourceCalls;
type Names = 'snapshots.diff' | 'snapshots.diffObject';
export type DiffHandlers = {
  [N in Names]: (input: z.output<SourceCalls[N]['input']>) => Promise<z.output<SourceCalls[N]['output']>>;
};

const unavailable = (): never => {
  throw new AppError('UNAVAILABLE', 'Diff is not available in this build yet');
};

export function createDiffArea(): { handlers: DiffHandlers } {
  return { handlers: { 'snapshots.diff': unavailable, 'snapshots.diffObject': unavailable } };
}
