import { randomUUID } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/result';
import type { podCalls, podEvents } from '../../../shared/contract/pods';
import { clusterLabel } from '../../kube/deadline';
import { followPodLog, PodLogError, readPodLog, type LogFollow } from '../../kube/logs';
import type { Logger } from '../../services/log';
import type { RecordedUsage } from '../../services/snapshots/recorded';
import { readPodUsage } from './pod-usage';

/**
 * The pods area: pod usage and logs of connected clusters (pods.usage, pods.logs, pods.logs.follow,
 * pods.logs.stop). Both are read with the cluster's own KubeConfig (the fleet's credentials):
 *
 *   const pods = createPodsArea({ log, emit: (n, p) => events.emit(n, p), kubeConfigFor: (id) => fleet.kubeConfigFor(id) });
 */

type PodCalls = typeof podCalls;
export type PodHandlers = {
  [N in keyof PodCalls]: (input: z.output<PodCalls[N]['input']>) => Promise<z.output<PodCalls[N]['output']>>;
};
type PodEvents = typeof podEvents;

export interface PodsAreaContext {
  log: Logger;
  emit<N extends keyof PodEvents>(name: N, payload: z.output<PodEvents[N]>): void;
  /** Follows open at once (a renderer that forgets to stop cannot pile up streams). */
  maxFollows?: number;
  batchMs?: number;
  /** How long a pods.usage read may take (default 5 s). */
  usageTimeoutMs?: number;
  /** The KubeConfig of an attached cluster (throws when it is unknown). */
  kubeConfigFor?(clusterId: string): KubeConfig;
  /** The cluster's name in messages (default: the name its KubeConfig gives it). */
  clusterName?(clusterId: string): string | undefined | Promise<string | undefined>;
  /** The overall deadline of a log read or a follow's start (default 10 s, below the renderer's 15 s). */
  logTimeoutMs?: number;
  /** What a snapshot source recorded about pods (usage, log tails); undefined for other sources. */
  recorded?(source: string): RecordedPods | undefined;
}

export interface RecordedPods {
  usage(cluster: string, namespace: string, pod: string): RecordedUsage | undefined;
  log(cluster: string, namespace: string, pod: string, container: string): string | undefined;
}

export interface ClusterCache {
  start(clusterId: string, kubeConfig: KubeConfig): void;
  stop(clusterId: string, options?: { purge?: boolean }): Promise<void>;
}

export interface PodsArea {
  handlers: PodHandlers;
  /** Wraps the object cache so follows of a cluster end when its cache stops (detach). */
  track<C extends ClusterCache>(cache: C): ClusterCache;
  /** Makes a cluster's logs readable with this KubeConfig (before kubeConfigFor is asked). */
  register(clusterId: string, kubeConfig: KubeConfig): void;
  /** Open follows, by subscription id. */
  follows(): string[];
  close(): void;
}

export function createPodsArea(ctx: PodsAreaContext): PodsArea {
  const configs = new Map<string, KubeConfig>();
  const open = new Map<string, { cluster: string; follow?: LogFollow }>();
  const max = ctx.maxFollows ?? 16;

  const configOf = (cluster: string): KubeConfig => {
    let kc = configs.get(cluster);
    if (!kc && ctx.kubeConfigFor) {
      try {
        kc = ctx.kubeConfigFor(cluster);
      } catch {
        kc = undefined;
      }
    }
    if (!kc)
      throw new AppError('UNAVAILABLE', `cluster ${cluster} is not connected: its pod logs cannot be read`);
    return kc;
  };
  const failed = (error: unknown): never => {
    if (error instanceof PodLogError) {
      const code =
        error.status === 404 ? 'NOT_FOUND' : error.status === 400 ? 'INVALID_ARGUMENT' : 'UNAVAILABLE';
      throw new AppError(code, error.message);
    }
    throw error;
  };
  /** A snapshot's recorded tail of one container (previous runs and `since` are not recorded). */
  const recordedLines = (
    source: string,
    cluster: string,
    at: { namespace: string; pod: string; container: string; previous: boolean },
    tailLines: number,
  ) => {
    const what = `${at.namespace}/${at.pod} (${at.container})`;
    if (at.previous) throw new AppError('NOT_FOUND', `A snapshot keeps no log of a previous run of ${what}`);
    const text = ctx.recorded?.(source)?.log(cluster, at.namespace, at.pod, at.container);
    if (text === undefined) {
      throw new AppError(
        'NOT_FOUND',
        source.startsWith('snapshot:')
          ? `This snapshot holds no log lines of ${what}: it was taken without pod log tails, or the log could not be read then`
          : `Imported manifests have no logs: ${what} never ran`,
      );
    }
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    return { lines: tailLines === 0 ? [] : lines.slice(-tailLines), truncated: false };
  };
  const nameOf = async (cluster: string, kc: KubeConfig): Promise<string> => {
    const name = await Promise.resolve()
      .then(() => ctx.clusterName?.(cluster))
      .catch(() => undefined);
    return name || clusterLabel(kc);
  };
  const stopCluster = (cluster: string) => {
    for (const entry of open.values()) if (entry.cluster === cluster) entry.follow?.stop();
  };

  const handlers: PodHandlers = {
    'pods.usage': async ({ source, cluster, namespace, name }) => {
      const recorded =
        source === 'live' ? undefined : ctx.recorded?.(source)?.usage(cluster, namespace, name);
      if (recorded) {
        return {
          available: false,
          reason: 'Recorded when the snapshot was taken; usage is measured live on connected clusters only.',
          containers: [],
          recorded: { cpu: recorded.cpu, memory: recorded.memory },
          ...(recorded.timestamp ? { timestamp: recorded.timestamp } : {}),
          ...(recorded.window ? { window: recorded.window } : {}),
        };
      }
      if (source !== 'live') {
        const what = source.startsWith('snapshot:') ? 'A snapshot holds' : 'Imported manifests hold';
        return {
          available: false,
          reason: `${what} no live metrics: usage is measured on connected clusters only.`,
          containers: [],
        };
      }
      let kc: KubeConfig;
      try {
        kc = configOf(cluster);
      } catch {
        return { available: false, reason: `Cluster ${cluster} is not connected.`, containers: [] };
      }
      return readPodUsage(kc, namespace, name, {
        log: ctx.log,
        timeoutMs: ctx.usageTimeoutMs,
        cluster: await nameOf(cluster, kc),
      });
    },
    'pods.logs': async ({ source, cluster, tailLines, ...rest }) => {
      if (source !== 'live') return recordedLines(source, cluster, rest, tailLines ?? 500);
      const kc = configOf(cluster);
      const limits = { cluster: await nameOf(cluster, kc), timeoutMs: ctx.logTimeoutMs };
      return readPodLog(kc, rest, { ...rest, tailLines: tailLines ?? 500 }, limits).catch(failed);
    },
    'pods.logs.follow': async ({ source, cluster, tailLines, ...rest }) => {
      if (source !== 'live') {
        throw new AppError(
          'INVALID_ARGUMENT',
          'Logs can be followed on live clusters only, not in a snapshot',
        );
      }
      const kc = configOf(cluster);
      if (open.size >= max) {
        throw new AppError(
          'UNAVAILABLE',
          `${max} logs are followed already: stop one before following another`,
        );
      }
      const name = await nameOf(cluster, kc);
      const subscription = randomUUID();
      open.set(subscription, { cluster });
      try {
        const follow = await followPodLog(
          kc,
          rest,
          { ...rest, tailLines: tailLines ?? 200 },
          {
            onLines: (lines) => ctx.emit('pods.logs.lines', { subscription, lines }),
            onEnd: (reason, message) => {
              open.delete(subscription);
              ctx.emit('pods.logs.end', { subscription, reason, message });
            },
          },
          { batchMs: ctx.batchMs, cluster: name, timeoutMs: ctx.logTimeoutMs },
        );
        if (open.has(subscription)) open.set(subscription, { cluster, follow });
        return { subscription };
      } catch (error) {
        open.delete(subscription);
        ctx.log.info(`log follow of ${cluster}/${rest.namespace}/${rest.pod} refused`, error);
        return failed(error);
      }
    },
    'pods.logs.stop': async ({ subscription }) => {
      const entry = open.get(subscription);
      if (!entry?.follow) return { stopped: false };
      entry.follow.stop();
      return { stopped: true };
    },
  };

  return {
    handlers,
    track(cache) {
      return {
        start(id, kc) {
          configs.set(id, kc);
          cache.start(id, kc);
        },
        async stop(id, options) {
          configs.delete(id);
          stopCluster(id);
          await cache.stop(id, options);
        },
      };
    },
    register(id, kc) {
      configs.set(id, kc);
    },
    follows: () => [...open.keys()],
    close() {
      for (const entry of open.values()) entry.follow?.stop();
      open.clear();
    },
  };
}
