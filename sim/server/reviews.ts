/** SelfSubjectAccessReview, SelfSubjectRulesReview, SubjectAccessReview and SelfSubjectReview answers. */
import type { MemoryStore } from '../store/memory';
import { badRequest } from './errors';
import { authorize, rulesFor, type Identity } from './rbac';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

function accessStatus(store: MemoryStore, id: Identity, spec: Obj): Obj {
  const ra = spec.resourceAttributes as Obj | undefined;
  const nra = spec.nonResourceAttributes as Obj | undefined;
  if (!ra && !nra)
    throw badRequest(
      'SelfSubjectAccessReview: spec.resourceAttributes or spec.nonResourceAttributes is required',
    );
  const attrs = ra
    ? {
        verb: String(ra.verb ?? ''),
        group: String(ra.group ?? ''),
        resource: String(ra.resource ?? ''),
        subresource: ra.subresource ? String(ra.subresource) : undefined,
        name: ra.name ? String(ra.name) : undefined,
        namespace: ra.namespace ? String(ra.namespace) : undefined,
      }
    : { verb: String(nra?.verb ?? ''), path: String(nra?.path ?? '') };
  const d = authorize(store, id, attrs);
  return d.allowed ? { allowed: true, reason: d.reason } : { allowed: false };
}

export function review(store: MemoryStore, id: Identity, resource: string, body: unknown): Obj {
  const b = obj(body);
  const spec = obj(b.spec);
  const base = {
    kind: b.kind,
    apiVersion: b.apiVersion,
    metadata: { creationTimestamp: null, ...obj(b.metadata) },
    spec,
  };
  switch (resource) {
    case 'selfsubjectaccessreviews':
      return { ...base, status: accessStatus(store, id, spec) };
    case 'subjectaccessreviews': {
      const subject = { user: String(spec.user ?? ''), groups: (spec.groups as string[] | undefined) ?? [] };
      return { ...base, status: accessStatus(store, subject, spec) };
    }
    case 'selfsubjectrulesreviews': {
      const ns = String(spec.namespace ?? '');
      const rules = id.groups.includes('system:masters')
        ? [
            { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
            { verbs: ['*'], nonResourceURLs: ['*'] },
          ]
        : rulesFor(store, id, ns || undefined);
      return {
        ...base,
        status: {
          resourceRules: rules
            .filter((r) => !r.nonResourceURLs)
            .map((r) => ({
              verbs: r.verbs,
              apiGroups: r.apiGroups ?? [],
              resources: r.resources ?? [],
              ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}),
            })),
          nonResourceRules: rules
            .filter((r) => r.nonResourceURLs)
            .map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
          incomplete: false,
        },
      };
    }
    case 'selfsubjectreviews':
      return { ...base, status: { userInfo: { username: id.user, groups: id.groups } } };
    case 'tokenreviews':
      return {
        ...base,
        status: { authenticated: false, error: 'token review is not supported by kube-sim' },
      };
    default:
      throw badRequest(`unsupported review ${resource}`);
  }
}
