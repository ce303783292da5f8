/** Where a finding's object opens: the YAML editor with the offending field highlighted. Pure. */
import type { InspectionFinding } from '../../../shared/contract/inspections';
import { yamlRoute } from '../yaml/route';

/** The YAML editor's route for a live object (undefined for snapshots and imports: they open in place). */
export function findingHref(f: InspectionFinding): string | undefined {
  if (f.source !== 'live') return undefined;
  const ref = {
    cluster: f.cluster,
    group: f.group,
    version: f.version,
    kind: f.kind,
    namespace: f.namespace,
    name: f.name,
  };
  return yamlRoute(ref, f.path || undefined);
}

/** "Deployment shop/web" or "ClusterRole admin". */
export const objectText = (f: Pick<InspectionFinding, 'kind' | 'namespace' | 'name'>): string =>
  `${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`;
