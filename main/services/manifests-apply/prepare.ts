/**
 * Objects as they will be applied. Manifests written by people go as they are; objects read from a
 * cluster (a dump: they carry uid, resourceVersion, managedFields or creationTimestamp) are cleaned
 * as an export is — a server-side apply refuses managedFields and a stale resourceVersion — and the
 * ones a controller makes (pods of a ReplicaSet, events …) are skipped with the reason.
 */
import type { KubeObject } from '../../../shared/objects/types';
import { cleanObject, exclusionReason } from '../export/clean';
import type { ManifestItem, ObjectResult } from './apply';

export function readFromCluster(o: KubeObject): boolean {
  const m = o.metadata ?? {};
  return Boolean(m.uid || m.resourceVersion || m.managedFields || m.creationTimestamp);
}

export function prepareForApply(items: readonly ManifestItem[]): {
  items: ManifestItem[];
  skipped: ObjectResult[];
} {
  const services = new Set(items.filter((i) => i.kind === 'Service').map((i) => `${i.namespace}/${i.name}`));
  const out: ManifestItem[] = [];
  const skipped: ObjectResult[] = [];
  for (const item of items) {
    if (!readFromCluster(item.object)) {
      out.push(item);
      continue;
    }
    const reason = exclusionReason(item.object, { services });
    if (reason) {
      skipped.push({
        kind: item.kind,
        namespace: item.namespace,
        name: item.name,
        outcome: 'skipped',
        message: reason,
      });
    } else out.push({ ...item, object: cleanObject(item.object) });
  }
  return { items: out, skipped };
}
