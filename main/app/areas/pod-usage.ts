import type { KubeConfig } from '@kubernetes/client-node';
import type { z } from 'zod';
import type { PodUsageSchema } from '../../../shared/contract/pods';
import { MetricsFormatError, parsePodMetrics } from '../../../shared/workloads/usage';
import { KubeHttpError, KubeTimeoutError, kubeRequest } from '../../kube/request';
import type { Logger } from '../../services/log';

/**
 * One pod's usage from metrics.k8s.io/v1beta1 (metrics-server), read when the pod page asks
 * (every ~15 s while it is open). Every way of not having figures becomes `available: false`
 * with a sentence the page shows as it is; only the figures themselves are parsed here.
 */

type PodUsage = z.output<typeof PodUsageSchema>;

const unavailable = (reason: string): PodUsage => ({ available: false, reason, containers: [] });

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/** Why an error means there are no figures, as the page says it. */
export function usageProblem(error: unknown, pod: string, cluster = 'The cluster'): string {
  if (error instanceof KubeHttpError) {
    if (error.status === 404) {
      // the group itself is missing (no metrics-server), or the pod has no PodMetrics (yet)
      return /could not find the requested resource|page not found/i.test(error.message)
        ? 'This cluster does not serve metrics.k8s.io (no metrics-server is installed).'
        : `metrics-server has not measured pod ${pod} yet: it measures running pods about every 30 seconds.`;
    }
    if (error.status === 503)
      return 'metrics.k8s.io is registered but not answering (metrics-server is down or starting).';
    if (error.status === 401)
      return 'The cluster refused the credentials (HTTP 401): reconnect it to read its metrics.';
    if (error.status === 403) return 'You may not read metrics.k8s.io on this cluster (HTTP 403).';
    return `The cluster answered HTTP ${error.status} for the pod's metrics.`;
  }
  if (error instanceof KubeTimeoutError)
    return `${cluster} did not answer within ${error.ms / 1000} s (GET pod metrics).`;
  if (error instanceof MetricsFormatError) return `The cluster's PodMetrics is malformed: ${error.message}.`;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    /socket hang up|ECONNREFUSED|ECONNRESET/.test(message)
  )
    return `${cluster} cannot be reached (${message}).`;
  return `The pod's metrics could not be read: ${message}.`;
}

export async function readPodUsage(
  kc: KubeConfig,
  namespace: string,
  name: string,
  o: { log: Logger; timeoutMs?: number; /** its name in the reason */ cluster?: string },
): Promise<PodUsage> {
  const path = `/apis/metrics.k8s.io/v1beta1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;
  try {
    const body = await kubeRequest(kc, path, { timeoutMs: o.timeoutMs ?? 5_000 });
    return { available: true, ...parsePodMetrics(body) };
  } catch (error) {
    o.log.debug(`no usage for pod ${namespace}/${name}`, error);
    return unavailable(usageProblem(error, `${namespace}/${name}`, o.cluster));
  }
}
