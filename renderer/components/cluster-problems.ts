import type { ClusterRow, ConnectionState } from '../../shared/contract/fleet';

/** The connection states the status bar names a cluster for. */
export const PROBLEM_STATES: ConnectionState[] = ['degraded', 'unreachable', 'unauthorized', 'connecting'];

const WORD: Partial<Record<ConnectionState, string>> = {
  degraded: 'degraded',
  unreachable: 'unreachable',
  unauthorized: 'credentials rejected',
  connecting: 'connecting',
};

type Head = Pick<ClusterRow, 'name' | 'status' | 'statusMessage'>;

/** Whether a cluster's cached rows may be out of date: it is live and not ready. */
export const isNotReady = (c: Pick<ClusterRow, 'status'>): boolean =>
  c.status !== 'ready' && c.status !== 'snapshot';

const word = (c: Head): string => WORD[c.status] ?? c.status;

/** "prod-eu: unreachable — 10.0.0.1:6443 refused the connection": the cluster's state and why. */
export const stateLine = (c: Head): string => `${c.name}: ${word(c)} — ${c.statusMessage}`;

/**
 * A table's cluster cell for a row of a cluster that is not ready: "sim-08 · last known", with its
 * state and why in the title. Null when the cluster is ready (or a snapshot's).
 */
export function lastKnownCell(c: Head): { text: string; title: string } | null {
  if (!isNotReady(c)) return null;
  return { text: `${c.name} · last known`, title: `${stateLine(c)}\nIts rows are as it last reported them.` };
}

/**
 * The note above a table that may hold rows of clusters that are not ready: which ones, in what
 * state, and that their rows are as last reported. Null when every cluster is ready.
 */
export function lastKnownNote(clusters: readonly Head[], shown = 3): string | null {
  const bad = clusters.filter(isNotReady);
  if (bad.length === 0) return null;
  if (bad.length === 1) {
    const c = bad[0]!;
    return `${c.name} is not ready (${word(c)}): its rows below are as it last reported them.`;
  }
  const named = bad.slice(0, shown).map((c) => `${c.name} (${word(c)})`);
  const more = bad.length - named.length;
  const list =
    more > 0
      ? `${named.join(', ')} and ${more} more`
      : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return `${list} are not ready: their rows below are as they last reported them.`;
}

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
  const bad = rows.filter(isNotReady);
  if (bad.length === 0) return null;
  const named = bad.slice(0, shown).map((r) => `${r.name} ${word(r)}`);
  const more = Math.max(total, bad.length) - named.length;
  return {
    text: more > 0 ? `${named.join(', ')} +${more} more` : named.join(', '),
    title: bad.map(stateLine).join('\n'),
    tone: bad.some((r) => r.status === 'unreachable' || r.status === 'unauthorized') ? 'error' : 'warn',
    href: bad.length === 1 && more === 0 ? `#/clusters/${encodeURIComponent(bad[0]!.id)}` : '#/clusters',
  };
}
