/** An ObjectReader limited to a scope: one source, and a union of (clusters, namespaces) parts. */
import type { ObjectQuery, ObjectReader, ObjectRef, StoredObject } from '../../../../shared/objects/types';

/** Part of a scope; an absent list means "all". A workspace is one part per cluster. */
export interface ScopePart {
  clusters?: string[];
  namespaces?: string[];
}

/** Intersection of two optional lists (absent = everything); [] means nothing. */
function intersect(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const set = new Set(b);
  return a.filter((x) => set.has(x));
}

const inPart = (p: ScopePart, ref: Pick<ObjectRef, 'cluster' | 'namespace'>) =>
  (!p.clusters || p.clusters.includes(ref.cluster)) &&
  (!p.namespaces || p.namespaces.includes(ref.namespace));

export class ScopedReader implements ObjectReader {
  constructor(
    private readonly base: ObjectReader,
    readonly source: string,
    readonly parts: readonly ScopePart[],
  ) {}

  private queries(query: ObjectQuery): ObjectQuery[] {
    if (query.source !== undefined && query.source !== this.source) return [];
    const out: ObjectQuery[] = [];
    for (const p of this.parts) {
      const clusters = intersect(query.clusters, p.clusters);
      const namespaces = intersect(query.namespaces, p.namespaces);
      if (clusters?.length === 0 || namespaces?.length === 0) continue;
      out.push({
        ...query,
        source: this.source,
        ...(clusters ? { clusters } : {}),
        ...(namespaces ? { namespaces } : {}),
      });
    }
    return out;
  }

  *iterate(query: ObjectQuery): Iterable<StoredObject> {
    for (const q of this.queries(query)) yield* this.base.iterate(q);
  }

  count(query: ObjectQuery): number {
    return this.queries(query).reduce((n, q) => n + this.base.count(q), 0);
  }

  get(ref: ObjectRef): StoredObject | undefined {
    if (ref.source !== this.source || !this.parts.some((p) => inPart(p, ref))) return undefined;
    return this.base.get(ref);
  }
}
