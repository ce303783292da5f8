/** Matching of structured selectors (LabelSelector objects, nodeSelector maps, node affinity, tolerations). */
import type { KObject } from '../store/api';

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(v as string);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(v as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
      return has && Number(v) > Number(r.values?.[0]);
    case 'Lt':
      return has && Number(v) < Number(r.values?.[0]);
    default:
      return false;
  }
}

/** An empty selector matches everything; a missing one (undefined) matches nothing, as for workloads. */
export function selectorMatches(
  sel: LabelSelectorObject | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const r of sel.matchExpressions ?? []) if (!requirementMatches(r, l)) return false;
  return true;
}

/** A service-style map selector: every pair must be present. An empty map matches nothing here. */
export function mapSelectorMatches(
  sel: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!sel || Object.keys(sel).length === 0) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel)) if (l[k] !== v) return false;
  return true;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** Taints with NoSchedule/NoExecute effects the pod does not tolerate. */
export function untoleratedTaints(node: KObject, tolerations: Toleration[] | undefined): Taint[] {
  const taints = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
  return taints.filter((t) => t.effect !== 'PreferNoSchedule' && !tolerates(tolerations, t));
}

interface NodeSelectorTerm {
  matchExpressions?: Requirement[];
  matchFields?: Requirement[];
}

/** spec.nodeSelector plus requiredDuringSchedulingIgnoredDuringExecution node affinity. */
export function nodeMatchesPod(node: KObject, podSpec: Record<string, unknown>): boolean {
  const labels = node.metadata.labels ?? {};
  const nodeSelector = podSpec.nodeSelector as Record<string, string> | undefined;
  for (const [k, v] of Object.entries(nodeSelector ?? {})) if (labels[k] !== v) return false;
  const affinity = podSpec.affinity as
    | {
        nodeAffinity?: {
          requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] };
        };
      }
    | undefined;
  const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  const fields = { 'metadata.name': node.metadata.name ?? '' };
  return terms.some(
    (term) =>
      (term.matchExpressions ?? []).every((r) => requirementMatches(r, labels)) &&
      (term.matchFields ?? []).every((r) => requirementMatches(r, fields)),
  );
}
