/** Legacy discovery documents: /api, /apis, /apis/<group>, /api/v1, /apis/<group>/<version>. */
import type { ResourceType } from '../store/api';
import { notFound } from './errors';

const apiVersionOf = (t: ResourceType): string => (t.group ? `${t.group}/${t.version}` : t.version);

export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupsOf(types: ResourceType[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const t of types) {
    if (!t.group) continue;
    const versions = groups.get(t.group) ?? [];
    if (!versions.includes(t.version)) versions.push(t.version);
    groups.set(t.group, versions);
  }
  return groups;
}

function groupDoc(name: string, versions: string[]): Record<string, unknown> {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: vs, preferredVersion: vs[0] };
}

export function apiGroupList(types: ResourceType[]): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groupsOf(types)].map(([name, versions]) => groupDoc(name, versions)),
  };
}

export function apiGroup(types: ResourceType[], group: string): Record<string, unknown> {
  const versions = groupsOf(types).get(group);
  if (!versions) throw notFound('', '', group);
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(group, versions) };
}

const SUB_VERBS = ['get', 'patch', 'update'];

export function apiResourceList(
  types: ResourceType[],
  group: string,
  version: string,
): Record<string, unknown> {
  const mine = types.filter((t) => t.group === group && t.version === version);
  if (mine.length === 0) throw notFound('', '', group ? `${group}/${version}` : version);
  const resources: Record<string, unknown>[] = [];
  for (const t of mine) {
    const r: Record<string, unknown> = {
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
    };
    if (t.shortNames?.length) r.shortNames = t.shortNames;
    if (t.categories?.length) r.categories = t.categories;
    resources.push(r);
    if (t.subresources?.status)
      resources.push({
        name: `${t.resource}/status`,
        singularName: '',
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: SUB_VERBS,
      });
    if (t.subresources?.scale)
      resources.push({
        name: `${t.resource}/scale`,
        singularName: '',
        namespaced: t.namespaced,
        group: 'autoscaling',
        version: 'v1',
        kind: 'Scale',
        verbs: SUB_VERBS,
      });
    if (t.subresources?.log)
      resources.push({
        name: `${t.resource}/log`,
        singularName: '',
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: ['get'],
      });
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}

export { apiVersionOf };
