import type { KubeConfig } from '@kubernetes/client-node';
import type { Verification } from '../../../shared/contract/fleet';
import { classifyError } from '../../kube/classify';
import { kubeRequest } from '../../kube/request';

/** What Flotilla does on a cluster, as the API checks it. */
export const ACTIONS: Array<{
  action: string;
  verb: string;
  resource: string;
  group: string;
  write: boolean;
}> = [
  { action: 'See nodes', verb: 'list', resource: 'nodes', group: '', write: false },
  { action: 'See namespaces', verb: 'list', resource: 'namespaces', group: '', write: false },
  { action: 'See pods', verb: 'list', resource: 'pods', group: '', write: false },
  { action: 'Watch pods', verb: 'watch', resource: 'pods', group: '', write: false },
  { action: 'See deployments', verb: 'list', resource: 'deployments', group: 'apps', write: false },
  { action: 'Read pod logs', verb: 'get', resource: 'pods/log', group: '', write: false },
  { action: 'Create namespaces', verb: 'create', resource: 'namespaces', group: '', write: true },
  { action: 'Scale deployments', verb: 'patch', resource: 'deployments', group: 'apps', write: true },
  { action: 'Delete pods', verb: 'delete', resource: 'pods', group: '', write: true },
  {
    action: 'Apply network policies',
    verb: 'create',
    resource: 'networkpolicies',
    group: 'networking.k8s.io',
    write: true,
  },
  { action: 'Apply quotas', verb: 'create', resource: 'resourcequotas', group: '', write: true },
  {
    action: 'Grant access (role bindings)',
    verb: 'create',
    resource: 'clusterrolebindings',
    group: 'rbac.authorization.k8s.io',
    write: true,
  },
];

/** "full", "read-only", "limited" or "none" from the answers. */
export function accessSummary(allowed: Array<{ write: boolean; allowed: boolean }>): string {
  if (allowed.length === 0) return 'unknown';
  if (allowed.every((a) => a.allowed)) return 'full';
  if (allowed.every((a) => !a.allowed)) return 'none';
  if (
    allowed.filter((a) => !a.write).every((a) => a.allowed) &&
    allowed.filter((a) => a.write).every((a) => !a.allowed)
  ) {
    return 'read-only';
  }
  return 'limited';
}

/**
 * "Verify connection": reachability and version (/version), then what the credential may do
 * (one SelfSubjectAccessReview per action Flotilla uses, in parallel).
 */
export async function verifyConnection(
  kc: KubeConfig,
  server: string,
  timeoutMs = 8_000,
): Promise<Verification> {
  const started = Date.now();
  try {
    const v = (await kubeRequest(kc, '/version', { timeoutMs })) as {
      gitVersion?: string;
      platform?: string;
    };
    const answers = await Promise.all(
      ACTIONS.map(async (a) => {
        const [resource, subresource] = a.resource.split('/');
        const review = (await kubeRequest(kc, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
          method: 'POST',
          timeoutMs,
          body: {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: { resourceAttributes: { verb: a.verb, resource, subresource, group: a.group } },
          },
        })) as { status?: { allowed?: boolean } };
        return { ...a, allowed: review.status?.allowed === true };
      }),
    );
    const access = accessSummary(answers);
    const reads = answers.filter((a) => !a.write && a.allowed).length;
    return {
      reachable: true,
      state: reads === 0 ? 'unauthorized' : 'ready',
      message:
        access === 'full'
          ? `Connected to Kubernetes ${v.gitVersion ?? ''}; the credential may do everything Flotilla does.`
          : access === 'read-only'
            ? `Connected to Kubernetes ${v.gitVersion ?? ''}; the credential is read-only: Flotilla can show this cluster but not change it.`
            : access === 'none'
              ? `Connected, but the credential may not read anything Flotilla needs.`
              : `Connected to Kubernetes ${v.gitVersion ?? ''}; some actions are not allowed (see the list).`,
      version: v.gitVersion,
      platform: v.platform,
      elapsedMs: Date.now() - started,
      permissions: answers.map(({ action, verb, resource, group, allowed }) => ({
        action,
        verb,
        resource,
        group,
        allowed,
      })),
      access,
    };
  } catch (error) {
    const c = classifyError(error, server);
    return {
      reachable: !['dns', 'refused', 'timeout', 'network', 'tls', 'config', 'not-approved'].includes(
        c.failure,
      ),
      state:
        c.failure === 'unauthorized' ||
        c.failure === 'forbidden' ||
        c.failure === 'not-approved' ||
        c.failure === 'config'
          ? 'unauthorized'
          : c.failure === 'server' || c.failure === 'rate-limited'
            ? 'degraded'
            : 'unreachable',
      message: c.message,
      failure: c.failure,
      elapsedMs: Date.now() - started,
      permissions: [],
      access: 'unknown',
    };
  }
}
