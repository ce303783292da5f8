/** Polaris RBAC checks: cluster-admin-like grants and pods/exec or pods/attach access, via bindings too. */
import type { StoredObject } from '../../../../shared/objects/types';
import { asArray, str, type J } from '../pod-spec';
import type { Check, CheckContext, Violation } from '../types';
import { objectCheck } from './define';
import { findNamed } from './lookup';

const S = 'polaris' as const;
const allVerbs = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

const list = (v: unknown) => asArray(v).map((x) => str(x).toLowerCase());

/** A rule granting everything: all API groups, all resources, all verbs. */
export function isAdminRule(rule: J): boolean {
  const verbs = list(rule?.verbs);
  return (
    list(rule?.apiGroups).includes('*') &&
    list(rule?.resources).includes('*') &&
    (verbs.includes('*') ||
      (allVerbs.every((v) => verbs.includes(v)) && verbs.every((v) => allVerbs.includes(v))))
  );
}

/** A rule that lets a subject exec into or attach to pods. */
export function isExecRule(rule: J): boolean {
  const groups = list(rule?.apiGroups);
  const resources = list(rule?.resources);
  const verbs = list(rule?.verbs);
  return (
    (groups.includes('') || groups.includes('*')) &&
    resources.some((r) => r === '*' || r === 'pods/*' || r === 'pods/exec' || r === 'pods/attach') &&
    verbs.some((v) => v === '*' || v === 'get' || v === 'create')
  );
}

/** Built-in bindings Polaris leaves alone. */
export const isExemptRbacName = (name: string) =>
  name.startsWith('system:') || name === 'gce:podsecuritypolicy:calico-sa';

/** Kubernetes' default user-facing ClusterRoles (and default binding) that include exec by design. */
const defaultExecClusterRoles = new Set(['admin', 'edit', 'cluster-admin']);
const defaultClusterRoleBindings = new Set([
  'cluster-admin',
  'system:controller:generic-garbage-collector',
  'system:controller:namespace-controller',
]);

function roleRules(o: StoredObject | undefined): J[] {
  return asArray((o?.object as J)?.rules);
}

function ruleViolations(o: StoredObject, pred: (r: J) => boolean, what: string): Violation[] {
  return roleRules(o).flatMap((r, i) =>
    pred(r) ? [{ path: `rules[${i}]`, message: `${o.kind} ${o.name} ${what}` }] : [],
  );
}

function referenced(
  obj: StoredObject,
  ctx: CheckContext,
): { kind: string; name: string; role?: StoredObject } {
  const ref = (obj.object as J).roleRef ?? {};
  const kind = str(ref.kind);
  const name = str(ref.name);
  const role =
    kind === 'ClusterRole'
      ? findNamed(ctx, 'ClusterRole', obj.cluster, '', name)
      : findNamed(ctx, 'Role', obj.cluster, obj.namespace, name);
  return { kind, name, role };
}

function bindingCheck(
  id: string,
  title: string,
  bindingKind: 'RoleBinding' | 'ClusterRoleBinding',
  refKind: 'Role' | 'ClusterRole',
  what: 'admin' | 'exec',
): Check {
  const remediation =
    what === 'admin'
      ? 'Bind a role that grants only the resources and verbs the subjects need, not everything.'
      : 'Bind a role without get/create on pods/exec and pods/attach, or scope it to the few people who need it.';
  return objectCheck(
    { id, set: S, title, category: 'Security', severity: 'danger', remediation, targetKinds: [bindingKind] },
    (obj, ctx) => {
      if (isExemptRbacName(obj.name)) return [];
      const ref = referenced(obj, ctx);
      if (ref.kind !== refKind) return [];
      const builtInAdmin = refKind === 'ClusterRole' && ref.name === 'cluster-admin';
      // Kubernetes' own default bindings are left alone, as Polaris does.
      if (obj.kind === 'ClusterRoleBinding' && defaultClusterRoleBindings.has(obj.name)) return [];
      if (what === 'admin') {
        if (builtInAdmin || roleRules(ref.role).some(isAdminRule))
          return [
            { path: 'roleRef', message: `binds ${refKind} ${ref.name}, which grants every permission` },
          ];
        return [];
      }
      if (!ref.role && !builtInAdmin)
        return [
          {
            path: 'roleRef',
            message: `binds ${refKind} ${ref.name}, which is missing (cannot prove it does not allow pods/exec)`,
          },
        ];
      if (builtInAdmin || roleRules(ref.role).some(isExecRule))
        return [
          { path: 'roleRef', message: `binds ${refKind} ${ref.name}, which allows pods/exec or pods/attach` },
        ];
      return [];
    },
  );
}

export const polarisRbacChecks: Check[] = [
  objectCheck(
    {
      id: 'clusterrolePodExecAttach',
      set: S,
      title: 'ClusterRole should not allow pods/exec or pods/attach',
      category: 'Security',
      severity: 'danger',
      remediation: 'Remove get/create on pods/exec and pods/attach from the ClusterRole.',
      targetKinds: ['ClusterRole'],
    },
    (obj) =>
      isExemptRbacName(obj.name) || defaultExecClusterRoles.has(obj.name)
        ? []
        : ruleViolations(obj, isExecRule, 'allows pods/exec or pods/attach'),
  ),
  objectCheck(
    {
      id: 'rolePodExecAttach',
      set: S,
      title: 'Role should not allow pods/exec or pods/attach',
      category: 'Security',
      severity: 'danger',
      remediation: 'Remove get/create on pods/exec and pods/attach from the Role.',
      targetKinds: ['Role'],
    },
    (obj) =>
      isExemptRbacName(obj.name) ? [] : ruleViolations(obj, isExecRule, 'allows pods/exec or pods/attach'),
  ),
  bindingCheck(
    'clusterrolebindingClusterAdmin',
    'ClusterRoleBinding should not grant cluster-admin',
    'ClusterRoleBinding',
    'ClusterRole',
    'admin',
  ),
  bindingCheck(
    'rolebindingClusterAdminClusterRole',
    'RoleBinding should not grant a cluster-admin ClusterRole',
    'RoleBinding',
    'ClusterRole',
    'admin',
  ),
  bindingCheck(
    'rolebindingClusterAdminRole',
    'RoleBinding should not grant an admin-like Role',
    'RoleBinding',
    'Role',
    'admin',
  ),
  bindingCheck(
    'clusterrolebindingPodExecAttach',
    'ClusterRoleBinding should not grant pods/exec or pods/attach',
    'ClusterRoleBinding',
    'ClusterRole',
    'exec',
  ),
  bindingCheck(
    'rolebindingClusterRolePodExecAttach',
    'RoleBinding should not grant a ClusterRole with pods/exec or pods/attach',
    'RoleBinding',
    'ClusterRole',
    'exec',
  ),
  bindingCheck(
    'rolebindingRolePodExecAttach',
    'RoleBinding should not grant a Role with pods/exec or pods/attach',
    'RoleBinding',
    'Role',
    'exec',
  ),
];
