/**
 * Words for the comparison of two runs: which is "before" (the older), the headline counts, the
 * score change and a label per finding state. Pure.
 */

export type DiffState = 'new' | 'fixed' | 'unchanged';

export interface ComparedRun {
  id: string;
  startedAt: string;
  score?: number;
  grade?: string;
}

/** The two picked runs in time order: the older is "before", whatever order they were picked in. */
export function orderPair<R extends ComparedRun>(a: R, b: R): { before: R; after: R } {
  const ta = Date.parse(a.startedAt);
  const tb = Date.parse(b.startedAt);
  return ta <= tb ? { before: a, after: b } : { before: b, after: a };
}

const n = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}`;

/** "3 new, 2 fixed, 10 unchanged" — or a plain sentence when nothing changed. */
export function diffHeadline(counts: { new: number; fixed: number; unchanged: number }): string {
  if (counts.new === 0 && counts.fixed === 0) {
    return counts.unchanged === 0
      ? 'Neither run has findings.'
      : `No change: the same ${n(counts.unchanged, counts.unchanged === 1 ? 'finding' : 'findings')} in both runs.`;
  }
  return `${n(counts.new, 'new')}, ${n(counts.fixed, 'fixed')}, ${n(counts.unchanged, 'unchanged')}`;
}

/** "Score 71 (C) → 78 (C), +7" or '' when either score is unknown. */
export function scoreChange(before: ComparedRun, after: ComparedRun): string {
  if (before.score === undefined || after.score === undefined) return '';
  const delta = after.score - before.score;
  const sign = delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '±0';
  const g = (r: ComparedRun) => (r.grade ? ` (${r.grade})` : '');
  return `Score ${before.score}${g(before)} → ${after.score}${g(after)}, ${sign}`;
}

export const stateLabel: Record<DiffState, string> = {
  new: 'New: found in the later run only',
  fixed: 'Fixed: found in the earlier run only',
  unchanged: 'Unchanged: found in both runs',
};

/** The tone of a state in the table (new is bad, fixed is good). */
export const stateTone: Record<DiffState, 'bad' | 'good' | 'neutral'> = {
  new: 'bad',
  fixed: 'good',
  unchanged: 'neutral',
};

/** Why the Compare button is disabled, or undefined when exactly two different runs are picked. */
export function compareBlocked(picked: readonly string[]): string | undefined {
  if (picked.length < 2) return `Pick two runs to compare (${picked.length} picked)`;
  if (picked.length > 2) return 'Pick only two runs';
  if (picked[0] === picked[1]) return 'Pick two different runs';
  return undefined;
}
