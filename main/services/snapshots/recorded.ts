import type { Db } from '../../store/db';

/**
 * What a snapshot recorded about a pod besides its object, when it was captured with metric
 * samples and log tails: the pod's usage at capture time and the last lines of each container.
 */

export interface RecordedUsage {
  /** CPU in cores and memory in bytes, summed over the pod's containers. */
  cpu: number | null;
  memory: number | null;
  window?: string;
  timestamp?: string;
}

export function recordedPodUsage(
  db: Db,
  cluster: string,
  namespace: string,
  pod: string,
): RecordedUsage | undefined {
  const row = db
    .prepare<
      [string, string, string],
      {
        cpu_cores: number | null;
        memory_bytes: number | null;
        window: string | null;
        timestamp: string | null;
      }
    >(
      "SELECT cpu_cores, memory_bytes, window, timestamp FROM snapshot_metrics WHERE kind = 'Pod' AND cluster = ? AND namespace = ? AND name = ? LIMIT 1",
    )
    .get(cluster, namespace, pod);
  if (!row) return undefined;
  return {
    cpu: row.cpu_cores,
    memory: row.memory_bytes,
    ...(row.window ? { window: row.window } : {}),
    ...(row.timestamp ? { timestamp: row.timestamp } : {}),
  };
}

/** The recorded tail of one container's log, or undefined when the snapshot has none for it. */
export function recordedLog(
  db: Db,
  cluster: string,
  namespace: string,
  pod: string,
  container: string,
): string | undefined {
  const row = db
    .prepare<[string, string, string, string], { text: string }>(
      'SELECT text FROM snapshot_logs WHERE cluster = ? AND namespace = ? AND pod = ? AND container = ? LIMIT 1',
    )
    .get(cluster, namespace, pod, container);
  return row?.text;
}
