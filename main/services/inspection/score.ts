/** Score (Polaris formula), grade, summaries and the diff between two runs. */
import type { CheckResultCounts, Finding } from './types';
import { findingIdentity } from '../../store/inspections/identity';

/** Polaris: 2·pass / (2·pass + warning + 2·danger) × 100, rounded down; info findings do not count. */
export function polarisScore(r: CheckResultCounts): number {
  const total = 2 * r.pass + r.warning + 2 * r.danger;
  return total === 0 ? 100 : Math.floor((200 * r.pass) / total);
}

export function gradeOf(score: number): string {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  if (score >= 50) return 'E';
  return 'F';
}

export interface FindingSummary {
  total: number;
  bySeverity: Record<string, number>;
  byCategory: Record<string, number>;
  byCluster: Record<string, number>;
  byNamespace: Record<string, number>;
  byCheck: Record<string, number>;
}

export function summarize(findings: Finding[]): FindingSummary {
  const s: FindingSummary = {
    total: findings.length,
    bySeverity: {},
    byCategory: {},
    byCluster: {},
    byNamespace: {},
    byCheck: {},
  };
  const inc = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  for (const f of findings) {
    inc(s.bySeverity, f.severity);
    inc(s.byCategory, f.category);
    inc(s.byCluster, f.object.cluster);
    inc(s.byNamespace, f.object.namespace);
    inc(s.byCheck, f.checkId);
  }
  return s;
}

/** Identity of a finding across runs: the one the history store keys findings by. */
export const findingKey: (f: Finding) => string = findingIdentity;

export interface FindingDiff {
  added: Finding[];
  fixed: Finding[];
  unchanged: Finding[];
}

/** What changed from `before` to `after`. */
export function diffFindings(before: Finding[], after: Finding[]): FindingDiff {
  const old = new Map(before.map((f) => [findingKey(f), f]));
  const now = new Set(after.map(findingKey));
  const added: Finding[] = [];
  const unchanged: Finding[] = [];
  for (const f of after) (old.has(findingKey(f)) ? unchanged : added).push(f);
  const fixed = before.filter((f) => !now.has(findingKey(f)));
  return { added, fixed, unchanged };
}
