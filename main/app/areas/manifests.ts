import type { z } from 'zod';
import type { sourceCalls } from '../../../shared/contract/sources';
import { AppError } from '../../../shared/contract/result';

/**
 * Imported manifests as a virtual cluster, applying them to a live cluster, export as clean YAML. (Being built: see shared/contract/sources.ts for the calls.)
 */

type SourceCalls = typeof sourceCalls;
type Names = 'manifests.import' | 'manifests.apply' | 'export.yaml';
export type ManifestsHandlers = {
  [N in Names]: (input: z.output<SourceCalls[N]['input']>) => Promise<z.output<SourceCalls[N]['output']>>;
};

const unavailable = (): never => {
  throw new AppError('UNAVAILABLE', 'Manifest import and export are not available in this build yet');
};

export function createManifestsArea(): { handlers: ManifestsHandlers } {
  return {
    handlers: {
      'manifests.import': unavailable,
      'manifests.apply': unavailable,
      'export.yaml': unavailable,
    },
  };
}
