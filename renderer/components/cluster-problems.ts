import type { ClusterRow, ConnectionState } from '../../shared/contract/fleet';

/** The connection states the status bar names a cluster for. */
export const PROBLEM_STATES: ConnectionState[] = ['degraded', 'unreachable', 'unauthorized', 'connecting'];

const WORD: Partial<Record<ConnectionState, string>> = {
  degraded: 'degraded',
  unreachable: 'unreachable',
  unauthorized: 'credentials rejected',
  connecting: 'connecting',
};

export interface ProblemItem {
  /** e.g. "sim-06 unreachable" or "sim-06 unreachable, sim-07 credentials rejected +2 more". */
  text: string;
  /** One line per cluster: its name, state and the message main wrote. */
  title: string;
  tone: 'warn' | 'error';
  /** The cluster's overview when one cluster is named, else the clusters list. */
  href: string;
}

/**
 * What the status bar says about the clusters that are not ready: which ones, in what state, and
 * why (the title). `total` is how many clusters are not ready in all, when rows are only the first few.
 */
export function problemItem(
  rows: Array<Pick<ClusterRow, 'id' | 'name' | 'status' | 'statusMessage'>>,
  total = 0,
  shown = 2,
): ProblemItem | null {
  const bad = rows.filter((r) => r.status !== 'ready' && r.status !== 'snapshot');
  if (bad.length === 0) return null;
  const named = bad.slice(0, shown).map((r) => `${r.name} ${WORD[r.status] ?? r.status}`);
  const more = Math.max(total, bad.length) - named.length;
  return {
    text: more > 0 ? `${named.join(', ')} +${more} more` : named.join(', '),
    title: bad.map((r) => `${r.name}: ${WORD[r.status] ?? r.status} — ${r.statusMessage}`).join('\n'),
    tone: bad.some((r) => r.status === 'unreachable' || r.status === 'unauthorized') ? 'error' : 'warn',
    href: bad.length === 1 && more === 0 ? `#/clusters/${encodeURIComponent(bad[0]!.id)}` : '#/clusters',
  };
}
