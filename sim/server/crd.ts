/** CustomResourceDefinitions: each served version becomes a resource type; deleting the CRD removes them. */
import type { KObject, ResourceType } from '../store/api';
import { gvrOf } from '../store/api';
import type { MemoryStore } from '../store/memory';

export const CRD_GVR = 'apiextensions.k8s.io/v1/customresourcedefinitions';

interface CrdSpec {
  group: string;
  scope: 'Namespaced' | 'Cluster';
  names: {
    plural: string;
    singular?: string;
    kind: string;
    listKind?: string;
    shortNames?: string[];
    categories?: string[];
  };
  versions: Array<{
    name: string;
    served?: boolean;
    storage?: boolean;
    subresources?: { status?: unknown; scale?: unknown };
  }>;
}

export function typesFromCrd(crd: KObject): ResourceType[] {
  const spec = crd.spec as CrdSpec | undefined;
  if (!spec?.group || !spec.names?.plural || !spec.names.kind || !Array.isArray(spec.versions)) return [];
  return spec.versions
    .filter((v) => v.served !== false)
    .map((v) => ({
      group: spec.group,
      version: v.name,
      resource: spec.names.plural,
      singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
      kind: spec.names.kind,
      listKind: spec.names.listKind ?? `${spec.names.kind}List`,
      namespaced: spec.scope !== 'Cluster',
      shortNames: spec.names.shortNames,
      categories: spec.names.categories,
      verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
      subresources: { status: !!v.subresources?.status, scale: !!v.subresources?.scale },
    }));
}

/** Registers the CRD's types and marks it Established. */
export function crdWritten(store: MemoryStore, crd: KObject, previous?: KObject): void {
  const next = typesFromCrd(crd);
  const nextGvrs = new Set(next.map((t) => gvrOf(t)));
  for (const t of previous ? typesFromCrd(previous) : [])
    if (!nextGvrs.has(gvrOf(t))) store.unregisterType(gvrOf(t));
  for (const t of next) store.registerType(t);
  const spec = crd.spec as CrdSpec;
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  store.mutate(CRD_GVR, undefined, crd.metadata.name ?? '', (o) => {
    const old = (o.status as { conditions?: unknown[] } | undefined)?.conditions;
    o.status = {
      acceptedNames: {
        ...spec.names,
        singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
        listKind: spec.names.listKind ?? `${spec.names.kind}List`,
      },
      conditions: old ?? [
        {
          type: 'NamesAccepted',
          status: 'True',
          reason: 'NoConflicts',
          message: 'no conflicts found',
          lastTransitionTime: now,
        },
        {
          type: 'Established',
          status: 'True',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
          lastTransitionTime: now,
        },
      ],
      storedVersions: spec.versions.filter((v) => v.storage).map((v) => v.name),
    };
  });
}

export function crdDeleted(store: MemoryStore, crd: KObject): void {
  for (const t of typesFromCrd(crd)) store.unregisterType(gvrOf(t));
}
