import type { ClusterRow } from '../../../shared/contract/fleet';

type Head = Pick<ClusterRow, 'name' | 'status' | 'statusMessage'>;

const WORD: Partial<Record<ClusterRow['status'], string>> = {
  degraded: 'degraded',
  unreachable: 'unreachable',
  unauthorized: 'refusing our credentials',
  connecting: 'not connected yet',
};

/** Whether a live cluster's cached nodes may be out of date (it does not answer as it should). */
export const isStale = (c: Head): boolean => c.status !== 'ready' && c.status !== 'snapshot';

/**
 * The note above a cluster's nodes when the cluster does not answer: the cached nodes are what it
 * last reported, and why it does not answer now. Null when the cluster is ready (or a snapshot).
 */
export function staleNote(c: Head): string | null {
  if (!isStale(c)) return null;
  const why = /[.!?]$/.test(c.statusMessage) ? c.statusMessage : `${c.statusMessage}.`;
  return `${c.name} is ${WORD[c.status] ?? c.status}: ${why} The nodes below are as it last reported them.`;
}

/** A heatmap group label with the cluster's state when its cells are last-known figures. */
export function heatLabel(c: Head & Pick<ClusterRow, 'groupName'>): string {
  const base = `${c.name} (${c.groupName})`;
  return isStale(c) ? `${base} · ${WORD[c.status] ?? c.status}, last known` : base;
}
