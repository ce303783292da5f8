import type { KubeObject } from '../objects/types';
import { deploymentOfReplicaSet } from './pod';

/**
 * Where a workload leads: the list of what it runs (a deployment's pods by its selector, a job's
 * pods by owner, a cron job's jobs), and where a pod's "Controlled by" points. Pure.
 */

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const dict = (v: unknown): Dict => (isDict(v) ? v : {});

export interface ListLink {
  slug: string;
  filters: Record<string, string>;
}

/** A LabelSelector object (matchLabels, matchExpressions) in kubectl's text syntax. */
export function selectorText(selector: unknown): string {
  const s = dict(selector);
  const parts: string[] = [];
  for (const [k, v] of Object.entries(dict(s.matchLabels)))
    if (typeof v === 'string') parts.push(`${k}=${v}`);
  for (const e of Array.isArray(s.matchExpressions) ? s.matchExpressions.filter(isDict) : []) {
    const key = typeof e.key === 'string' ? e.key : '';
    const values = Array.isArray(e.values) ? e.values.map(String).join(', ') : '';
    if (e.operator === 'In') parts.push(`${key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${key}`);
  }
  return parts.join(', ');
}

const scope = (cluster: string, object: KubeObject) => ({
  cluster,
  namespace: typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : '',
});

/** What a workload row's "children" link opens; undefined for pods. */
export function childrenLink(kind: string, cluster: string, object: KubeObject): ListLink | undefined {
  const name = object.metadata?.name ?? '';
  switch (kind) {
    case 'Deployment': {
      const labelSelector = selectorText(dict(object.spec).selector);
      return labelSelector
        ? { slug: 'pods', filters: { ...scope(cluster, object), labelSelector } }
        : undefined;
    }
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return { slug: 'pods', filters: { ...scope(cluster, object), owner: `${kind}/${name}` } };
    case 'CronJob':
      return { slug: 'jobs', filters: { ...scope(cluster, object), owner: `CronJob/${name}` } };
    default:
      return undefined;
  }
}

/** Where a pod's controller is shown: its own list row (filtered to its name), or its deployment. */
export function ownerLink(
  owner: { kind: string; name: string },
  cluster: string,
  namespace: string,
  podLabels: Record<string, string>,
): ListLink & { label: string } {
  const where = { cluster, namespace };
  if (owner.kind === 'ReplicaSet') {
    const deployment = deploymentOfReplicaSet(owner.name, podLabels);
    if (deployment) {
      return {
        slug: 'deployments',
        filters: { ...where, text: deployment },
        label: `Deployment ${deployment} (ReplicaSet ${owner.name})`,
      };
    }
    return {
      slug: 'pods',
      filters: { ...where, owner: `ReplicaSet/${owner.name}` },
      label: `ReplicaSet ${owner.name}`,
    };
  }
  const slugs: Record<string, string> = {
    StatefulSet: 'statefulsets',
    DaemonSet: 'daemonsets',
    Job: 'jobs',
    CronJob: 'cronjobs',
    Deployment: 'deployments',
  };
  const slug = slugs[owner.kind];
  if (slug) return { slug, filters: { ...where, text: owner.name }, label: `${owner.kind} ${owner.name}` };
  return {
    slug: 'pods',
    filters: { ...where, owner: `${owner.kind}/${owner.name}` },
    label: `${owner.kind} ${owner.name}`,
  };
}

/** "Kind/name" from a filter value, or undefined when it is not one. */
export function parseOwner(value: string | undefined): { kind: string; name: string } | undefined {
  const slash = value?.indexOf('/') ?? -1;
  if (!value || slash <= 0 || slash === value.length - 1) return undefined;
  return { kind: value.slice(0, slash), name: value.slice(slash + 1) };
}
