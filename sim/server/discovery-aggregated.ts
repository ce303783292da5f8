/** Aggregated discovery (apidiscovery.k8s.io v2 and v2beta1): every group's resources in one document. */
import type { ResourceType } from '../store/api';

export type AggregatedVersion = 'v2' | 'v2beta1';

/** Which aggregated format the Accept header asks for, if any. */
export function wantsAggregated(accept: string | undefined): AggregatedVersion | undefined {
  if (!accept || !accept.includes('as=APIGroupDiscoveryList')) return undefined;
  const offers = accept.split(',').map((s) => s.replace(/\s+/g, ''));
  for (const o of offers) {
    if (!o.includes('g=apidiscovery.k8s.io') || !o.includes('as=APIGroupDiscoveryList')) continue;
    if (/;v=v2(;|$)/.test(o)) return 'v2';
    if (/;v=v2beta1(;|$)/.test(o)) return 'v2beta1';
  }
  return undefined;
}

export const aggregatedContentType = (v: AggregatedVersion): string =>
  `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList`;

const SUB_VERBS = ['get', 'patch', 'update'];

function resourceEntry(t: ResourceType): Record<string, unknown> {
  const kind = { group: t.group, version: t.version, kind: t.kind };
  const subresources: Record<string, unknown>[] = [];
  if (t.subresources?.status)
    subresources.push({ subresource: 'status', responseKind: kind, verbs: SUB_VERBS });
  if (t.subresources?.scale)
    subresources.push({
      subresource: 'scale',
      responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
      verbs: SUB_VERBS,
    });
  if (t.subresources?.log)
    subresources.push({
      subresource: 'log',
      responseKind: { group: '', version: '', kind: '' },
      verbs: ['get'],
    });
  const r: Record<string, unknown> = {
    resource: t.resource,
    responseKind: kind,
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: t.verbs,
  };
  if (t.shortNames?.length) r.shortNames = t.shortNames;
  if (t.categories?.length) r.categories = t.categories;
  if (subresources.length) r.subresources = subresources;
  return r;
}

/** The document for /api (legacy: the core group) or /apis (every named group). */
export function aggregatedDiscovery(
  types: ResourceType[],
  legacy: boolean,
  v: AggregatedVersion,
): Record<string, unknown> {
  const groups = new Map<string, Map<string, ResourceType[]>>();
  for (const t of types) {
    if (legacy !== (t.group === '')) continue;
    const versions = groups.get(t.group) ?? new Map<string, ResourceType[]>();
    const list = versions.get(t.version) ?? [];
    list.push(t);
    versions.set(t.version, list);
    groups.set(t.group, versions);
  }
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${v}`,
    metadata: {},
    items: [...groups].map(([name, versions]) => ({
      metadata: name ? { name, creationTimestamp: null } : { creationTimestamp: null },
      versions: [...versions].map(([version, list]) => ({
        version,
        resources: list.map(resourceEntry),
        freshness: 'Current',
      })),
    })),
  };
}
