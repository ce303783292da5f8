import { createHash } from 'node:crypto';
import path from 'node:path';
import type { SourceView } from '../../../shared/contract/sources';
import { snapshotLabel, type SnapshotMeta } from './format';

/** The source id of a snapshot file: stable for one path, so opening it twice gives one source. */
export function snapshotId(file: string): string {
  return `snapshot:${createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 12)}`;
}

/** What the source picker and the banner show about an open snapshot. */
export function snapshotView(id: string, open: { file: string; meta: SnapshotMeta }): SourceView {
  const { meta } = open;
  return {
    id,
    kind: 'snapshot',
    label: snapshotLabel(meta),
    file: open.file,
    takenAt: meta.takenAt,
    flotillaVersion: meta.flotillaVersion,
    clusters: meta.clusters.map((c) => ({
      name: c.name,
      group: c.group,
      provider: c.provider,
      version: c.version,
      nodes: c.nodes,
      objects: c.objects,
    })),
    kinds: meta.kinds,
    objects: meta.objects,
    includes: meta.includes,
    readOnly: true,
  };
}
