import type { KubeConfig } from '@kubernetes/client-node';

/**
 * One overall deadline for an operation the renderer waits on (several requests in a row), kept well
 * below the renderer's own call deadline (15 s) so a silent cluster is named as the one that did not
 * answer, never Flotilla. Requests mark what they wait on; the deadline names the oldest still waiting
 * and aborts them all.
 *
 *   await withDeadline('sim-06', CALL_DEADLINE_MS, 'GET pod logs', (d) => read(d.signal));
 */

/** The overall deadline of a one-shot call (logs, YAML open/dry run/apply/delete). */
export const CALL_DEADLINE_MS = 10_000;

/** The cluster did not answer within the operation's deadline. */
export class ClusterDeadlineError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(
    readonly cluster: string,
    readonly ms: number,
    readonly what: string,
  ) {
    super(`${cluster} did not answer within ${ms / 1000} s (${what})`);
    this.name = 'ClusterDeadlineError';
  }
}

export interface Deadline {
  /** Aborted (with the ClusterDeadlineError as reason) when the deadline passes. */
  readonly signal: AbortSignal;
  /** Marks a request as waiting for the cluster; call the returned function once it has answered. */
  waiting(what: string): () => void;
}

/** The cluster's name as its KubeConfig knows it (a fallback when the fleet's name is not at hand). */
export const clusterLabel = (kc: KubeConfig): string => kc.getCurrentCluster()?.name || 'the cluster';

export async function withDeadline<T>(
  cluster: string,
  ms: number,
  what: string,
  work: (deadline: Deadline) => Promise<T>,
): Promise<T> {
  const abort = new AbortController();
  const pending: string[] = [];
  const deadline: Deadline = {
    signal: abort.signal,
    waiting(label) {
      pending.push(label);
      return () => {
        const i = pending.indexOf(label);
        if (i >= 0) pending.splice(i, 1);
      };
    },
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ClusterDeadlineError(cluster, ms, pending[0] ?? what);
      abort.abort(error);
      reject(error);
    }, ms);
  });
  const run = (async () => work(deadline))();
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
    run.catch(() => {});
  }
}
