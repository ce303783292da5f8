/**
 * Scopes in the UI: the picker's draft (a kind and what it names), the contract's InspectionScope,
 * and the scope key used in routes and history (`scopeKey` from the contract). Pure.
 */
import { scopeKey, type InspectionScope } from '../../../shared/contract/inspections';

export { scopeKey };

export type ScopeKind = InspectionScope['kind'];

export interface ScopeDraft {
  kind: ScopeKind;
  /** Group, cluster or workspace id; the source id for 'source'. */
  target: string;
  /** For 'namespace': the cluster id and the namespace. */
  cluster: string;
  namespace: string;
}

export const KIND_LABELS: Record<ScopeKind, string> = {
  fleet: 'Whole fleet',
  group: 'Cluster group',
  cluster: 'Cluster',
  workspace: 'Workspace',
  namespace: 'Namespace',
  source: 'Current snapshot or import',
};

export const emptyScopeDraft = (kind: ScopeKind = 'fleet'): ScopeDraft => ({
  kind,
  target: '',
  cluster: '',
  namespace: '',
});

/** The scope a draft names, or the sentence that says what is missing. */
export function scopeOfDraft(d: ScopeDraft): { scope: InspectionScope } | { problem: string } {
  switch (d.kind) {
    case 'fleet':
      return { scope: { kind: 'fleet' } };
    case 'namespace':
      if (!d.cluster) return { problem: 'Pick the cluster of the namespace' };
      if (!d.namespace.trim()) return { problem: 'Pick a namespace' };
      return { scope: { kind: 'namespace', cluster: d.cluster, namespace: d.namespace.trim() } };
    case 'source':
      if (!d.target || d.target === 'live') return { problem: 'Open a snapshot or import manifests first' };
      return { scope: { kind: 'source', source: d.target } };
    default:
      if (!d.target) return { problem: `Pick a ${KIND_LABELS[d.kind].toLowerCase()}` };
      return { scope: { kind: d.kind, id: d.target } };
  }
}

/** The scope a key names (the inverse of scopeKey), or undefined for a malformed key. */
export function scopeFromKey(key: string): InspectionScope | undefined {
  if (key === 'fleet') return { kind: 'fleet' };
  const colon = key.indexOf(':');
  if (colon < 0) return undefined;
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  if (!rest) return undefined;
  switch (kind) {
    case 'group':
    case 'cluster':
    case 'workspace':
      return { kind, id: rest };
    case 'source':
      return { kind: 'source', source: rest };
    case 'namespace': {
      // namespace names never hold '/', cluster ids might: split at the last one
      const slash = rest.lastIndexOf('/');
      if (slash <= 0 || slash === rest.length - 1) return undefined;
      return { kind: 'namespace', cluster: rest.slice(0, slash), namespace: rest.slice(slash + 1) };
    }
    default:
      return undefined;
  }
}

/** The draft for a scope (to preselect the picker, e.g. from a history page). */
export function draftOfScope(scope: InspectionScope): ScopeDraft {
  const d = emptyScopeDraft(scope.kind);
  if (scope.kind === 'namespace') return { ...d, cluster: scope.cluster, namespace: scope.namespace };
  if (scope.kind === 'source') return { ...d, target: scope.source };
  if (scope.kind === 'fleet') return d;
  return { ...d, target: scope.id };
}

/** Names for ids, to describe a scope that has no run yet. */
export interface ScopeNames {
  cluster(id: string): string;
  group(id: string): string;
  workspace(id: string): string;
  source(id: string): string;
}

export function describeScope(scope: InspectionScope, names: ScopeNames): string {
  switch (scope.kind) {
    case 'fleet':
      return 'Whole fleet';
    case 'group':
      return `Cluster group ${names.group(scope.id)}`;
    case 'cluster':
      return `Cluster ${names.cluster(scope.id)}`;
    case 'workspace':
      return `Workspace ${names.workspace(scope.id)}`;
    case 'namespace':
      return `Namespace ${scope.namespace} on ${names.cluster(scope.cluster)}`;
    case 'source':
      return names.source(scope.source);
  }
}
