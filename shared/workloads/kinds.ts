/** The workload kinds the Workloads section lists, with the URL slug and label of each tab. */
export interface WorkloadKind {
  kind: string;
  /** Lower-case plural, as in the URL: `#/workloads/<slug>`. */
  slug: string;
  label: string;
  /** Whether rows have a node column (pods only). */
  hasNode: boolean;
}

export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  { kind: 'Deployment', slug: 'deployments', label: 'Deployments', hasNode: false },
  { kind: 'StatefulSet', slug: 'statefulsets', label: 'StatefulSets', hasNode: false },
  { kind: 'DaemonSet', slug: 'daemonsets', label: 'DaemonSets', hasNode: false },
  { kind: 'Job', slug: 'jobs', label: 'Jobs', hasNode: false },
  { kind: 'CronJob', slug: 'cronjobs', label: 'CronJobs', hasNode: false },
  { kind: 'Pod', slug: 'pods', label: 'Pods', hasNode: true },
];

export const kindBySlug = (slug: string | undefined): WorkloadKind | undefined =>
  WORKLOAD_KINDS.find((k) => k.slug === slug);

export const kindByName = (kind: string): WorkloadKind | undefined =>
  WORKLOAD_KINDS.find((k) => k.kind === kind);

/** What a Workloads URL asks for: a list of one kind (with optional filters) or one pod. */
export type WorkloadsRoute =
  | { view: 'list'; kind: WorkloadKind; filters: Record<string, string> }
  | { view: 'pod'; cluster: string; namespace: string; name: string }
  | { view: 'unknown'; reason: string };

/**
 * Parses the sub-path of `#/workloads/…`: `[]` and `[slug]` are lists (filters after a `?` in the
 * last segment, e.g. `pods?cluster=x&owner=ReplicaSet/web-1`), `pods/<cluster>/<ns>/<name>` a pod.
 */
export function parseWorkloadsPath(path: readonly string[]): WorkloadsRoute {
  const [rawSlug = 'deployments', ...rest] = path;
  const q = rawSlug.indexOf('?');
  const slug = q >= 0 ? rawSlug.slice(0, q) : rawSlug;
  const kind = kindBySlug(slug || 'deployments');
  if (!kind) return { view: 'unknown', reason: `"${slug}" is not a workload kind` };
  if (rest.length === 0) {
    const filters: Record<string, string> = {};
    if (q >= 0) Object.assign(filters, parseQuery(rawSlug.slice(q + 1)));
    return { view: 'list', kind, filters };
  }
  if (kind.kind === 'Pod' && rest.length === 3 && rest.every(Boolean)) {
    const [cluster, namespace, name] = rest as [string, string, string];
    return { view: 'pod', cluster, namespace, name };
  }
  return { view: 'unknown', reason: `no page at workloads/${path.join('/')}` };
}

function parseQuery(qs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of qs.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    try {
      out[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
    } catch {
      // a malformed escape leaves that filter out
    }
  }
  return out;
}

/** The hash of a list, with filters (empty values dropped). */
export function listHref(slug: string, filters: Record<string, string | undefined> = {}): string {
  const qs = Object.entries(filters)
    .filter(([, v]) => v)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v ?? '')}`)
    .join('&');
  return `#/workloads/${slug}${qs ? `?${encodeURIComponent(qs)}` : ''}`;
}

export const podHref = (cluster: string, namespace: string, name: string): string =>
  `#/workloads/pods/${[cluster, namespace, name].map(encodeURIComponent).join('/')}`;
