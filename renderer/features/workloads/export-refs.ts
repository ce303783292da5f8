import { call } from '../../lib/call';
import { toQuery, type WorkloadFilter } from './query';

/** The most objects one export takes (the export call's limit). */
export const EXPORT_MAX = 10_000;

/** Every object the filter shows (up to EXPORT_MAX), as export references, read page by page. */
export async function filteredRefs(filter: WorkloadFilter) {
  const refs: Array<{ cluster: string; group: string; kind: string; namespace: string; name: string }> = [];
  for (let offset = 0; offset < EXPORT_MAX; offset += 1000) {
    const page = await call('objects.query', { ...toQuery(filter, offset), limit: 1000, withObject: false });
    for (const o of page.items) {
      refs.push({ cluster: o.cluster, group: o.group, kind: o.kind, namespace: o.namespace, name: o.name });
    }
    if (offset + page.items.length >= page.total || page.items.length === 0) break;
  }
  return refs;
}
