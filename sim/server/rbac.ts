/**
 * A real RBAC evaluator over a cluster's ClusterRoles, Roles and their bindings
 * (with ClusterRole aggregation). Pure over the store's current contents.
 */
import type { KObject } from '../store/api';
import type { MemoryStore } from '../store/memory';
import { labelSelectorFromObject, matchLabels } from '../store/selectors';

export interface Identity {
  user: string;
  groups: string[];
}

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  name?: string;
  namespace?: string;
}

export type Attributes = ResourceAttributes | { verb: string; path: string };

const RBAC = 'rbac.authorization.k8s.io/v1';
const SUPERUSER_GROUP = 'system:masters';

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

function subjectMatches(s: Subject, id: Identity, bindingNs?: string): boolean {
  if (s.kind === 'User') return s.name === id.user;
  if (s.kind === 'Group') return id.groups.includes(s.name);
  if (s.kind === 'ServiceAccount')
    return id.user === `system:serviceaccount:${s.namespace ?? bindingNs}:${s.name}`;
  return false;
}

function clusterRoleRules(store: MemoryStore, name: string, seen = new Set<string>()): PolicyRule[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const role = store.peek(`${RBAC}/clusterroles`, undefined, name);
  if (!role) return [];
  const rules = [...((role.rules as PolicyRule[] | undefined) ?? [])];
  const agg = role.aggregationRule as { clusterRoleSelectors?: unknown[] } | undefined;
  for (const selector of agg?.clusterRoleSelectors ?? []) {
    const sel = labelSelectorFromObject(selector);
    for (const { object } of store.scan(`${RBAC}/clusterroles`)) {
      if (object.metadata.name !== name && matchLabels(sel, object.metadata.labels)) {
        rules.push(...clusterRoleRules(store, object.metadata.name ?? '', seen));
      }
    }
  }
  return rules;
}

function roleRefRules(store: MemoryStore, binding: KObject): PolicyRule[] {
  const ref = binding.roleRef as { kind: string; name: string } | undefined;
  if (!ref) return [];
  if (ref.kind === 'ClusterRole') return clusterRoleRules(store, ref.name);
  const role = store.peek(`${RBAC}/roles`, binding.metadata.namespace, ref.name);
  return (role?.rules as PolicyRule[] | undefined) ?? [];
}

/** Every rule that applies to `id` in `namespace` (cluster-wide rules included). */
export function rulesFor(store: MemoryStore, id: Identity, namespace?: string): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const { object } of store.scan(`${RBAC}/clusterrolebindings`)) {
    const subjects = (object.subjects as Subject[] | undefined) ?? [];
    if (subjects.some((s) => subjectMatches(s, id))) rules.push(...roleRefRules(store, object));
  }
  if (namespace) {
    for (const { object } of store.scan(`${RBAC}/rolebindings`, { namespace })) {
      const subjects = (object.subjects as Subject[] | undefined) ?? [];
      if (subjects.some((s) => subjectMatches(s, id, namespace))) rules.push(...roleRefRules(store, object));
    }
  }
  return rules;
}

const has = (list: string[] | undefined, v: string): boolean =>
  !!list && (list.includes('*') || list.includes(v));

function resourceMatches(rule: PolicyRule, resource: string, sub?: string): boolean {
  const full = sub ? `${resource}/${sub}` : resource;
  for (const r of rule.resources ?? []) {
    if (r === '*' || r === full) return true;
    if (sub && r === `*/${sub}`) return true;
  }
  return false;
}

function pathMatches(rule: PolicyRule, path: string): boolean {
  for (const u of rule.nonResourceURLs ?? []) {
    if (u === '*' || u === path) return true;
    if (u.endsWith('*') && path.startsWith(u.slice(0, -1))) return true;
  }
  return false;
}

export function ruleAllows(rule: PolicyRule, a: Attributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if ('path' in a) return pathMatches(rule, a.path);
  if (!has(rule.apiGroups, a.group)) return false;
  if (!resourceMatches(rule, a.resource, a.subresource)) return false;
  if (rule.resourceNames && rule.resourceNames.length > 0)
    return !!a.name && rule.resourceNames.includes(a.name);
  return true;
}

export function authorize(
  store: MemoryStore,
  id: Identity,
  a: Attributes,
): { allowed: boolean; reason: string } {
  if (id.groups.includes(SUPERUSER_GROUP))
    return { allowed: true, reason: `user is in the ${SUPERUSER_GROUP} group` };
  const namespace = 'path' in a ? undefined : a.namespace;
  for (const rule of rulesFor(store, id, namespace)) {
    if (ruleAllows(rule, a)) return { allowed: true, reason: 'RBAC: allowed by a role binding' };
  }
  return { allowed: false, reason: '' };
}
