import type { z } from 'zod';
import type { sourceCalls } from '../../../shared/contract/sources';
import { AppError } from '../../../shared/contract/result';

/**
 * Data sources: the registry of open snapshots and imports, opening .flotilla files, capture.
 * (Being built: see shared/contract/sources.ts for the calls.)
 */

type SourceCalls = typeof sourceCalls;
type Names =
  | 'sources.list'
  | 'sources.close'
  | 'snapshots.open'
  | 'snapshots.openSample'
  | 'snapshots.capture'
  | 'snapshots.cancel';
export type SourcesHandlers = {
  [N in Names]: (input: z.output<SourceCalls[N]['input']>) => Promise<z.output<SourceCalls[N]['output']>>;
};

const unavailable = (): never => {
  throw new AppError('UNAVAILABLE', 'Snapshots are not available in this build yet');
};

export function createSourcesArea(): { handlers: SourcesHandlers } {
  return {
    handlers: {
      'sources.list': async () => [],
      'sources.close': unavailable,
      'snapshots.open': unavailable,
      'snapshots.openSample': unavailable,
      'snapshots.capture': unavailable,
      'snapshots.cancel': unavailable,
    },
  };
}
