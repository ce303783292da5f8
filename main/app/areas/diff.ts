import { stringify } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/result';
import type { sourceCalls } from '../../../shared/contract/sources';
import type { CountDimension } from '../../../shared/objects/page';
import type { ObjectQuery, ObjectReader } from '../../../shared/objects/types';
import { diffObject, diffSources, type DiffSide } from '../../services/diff/diff';

/**
 * 'snapshots.diff' and 'snapshots.diffObject': two open data sources compared (two snapshots, or a
 * snapshot and the live fleet). Live rows carry cluster ids and are named through the fleet; other
 * sources name their clusters in their rows.
 */

type SourceCalls = typeof sourceCalls;
type Names = 'snapshots.diff' | 'snapshots.diffObject';
export type DiffHandlers = {
  [N in Names]: (input: z.output<SourceCalls[N]['input']>) => Promise<z.output<SourceCalls[N]['output']>>;
};

export interface DiffAreaContext {
  /** Where a source's objects are read (the live cache, a snapshot file, imported manifests). */
  storeFor(
    source: string,
  ): ObjectReader & { countBy(query: ObjectQuery, by: CountDimension): Record<string, number> };
  /** Live cluster ids and names. */
  liveClusters(): ReadonlyMap<string, string>;
}

const DIFF_LIMIT = 5000;

export function createDiffArea(ctx: DiffAreaContext): { handlers: DiffHandlers } {
  const side = (source: string): DiffSide => {
    const reader = ctx.storeFor(source);
    if (source === 'live') return { reader, source, clusters: ctx.liveClusters() };
    const keys = Object.keys(reader.countBy({ source }, 'cluster'));
    if (keys.length === 0) {
      throw new AppError('NOT_FOUND', `No open source "${source}" has objects: open the snapshot first`);
    }
    return { reader, source, clusters: new Map(keys.map((k) => [k, k])) };
  };

  return {
    handlers: {
      'snapshots.diff': async ({ a, b, clusters, kinds, namespaces, showNoise }) =>
        diffSources(side(a), side(b), { clusters, kinds, namespaces, showNoise }, DIFF_LIMIT),
      'snapshots.diffObject': async ({ a, b, showNoise, ...id }) => {
        const d = diffObject(side(a), side(b), id, showNoise);
        if (!d.before && !d.after) {
          throw new AppError(
            'NOT_FOUND',
            `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name} is in neither source`,
          );
        }
        return {
          before: d.before ? stringify(d.before) : '',
          after: d.after ? stringify(d.after) : '',
          fields: d.fields,
        };
      },
    },
  };
}
