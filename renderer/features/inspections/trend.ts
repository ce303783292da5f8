/**
 * Points for the history chart: one per finished run of a scope (main's `inspections.trend`),
 * oldest first — the score (0–100, left axis) and the danger and warning counts (right axis). Many
 * runs are thinned to the last run of each day, then to the latest `maxPoints`, so the chart stays
 * readable. Pure.
 */
import type { TrendPoint as ContractPoint } from '../../../shared/contract/inspections';

export type TrendInput = Pick<ContractPoint, 'runId' | 'time' | 'score' | 'grade' | 'danger' | 'warning'>;

export interface TrendPoint {
  runId: string;
  /** Milliseconds since the epoch (the chart's x value). */
  at: number;
  score: number;
  grade: string;
  danger: number;
  warning: number;
}

const DAY = 86_400_000;

export function trendPoints(runs: readonly TrendInput[], maxPoints = 60): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const r of runs) {
    const at = Date.parse(r.time);
    if (Number.isNaN(at)) continue;
    points.push({ runId: r.runId, at, score: r.score, grade: r.grade, danger: r.danger, warning: r.warning });
  }
  points.sort((a, b) => a.at - b.at || a.runId.localeCompare(b.runId));
  if (points.length <= maxPoints) return points;
  const lastOfDay = new Map<number, TrendPoint>();
  for (const p of points) lastOfDay.set(Math.floor(p.at / DAY), p);
  const daily = [...lastOfDay.values()];
  return daily.slice(Math.max(0, daily.length - maxPoints));
}

/** The x-axis tick: a date when the runs span two days or more, a time of day within two days, and
 * seconds too within an hour. */
export function tickFormatter(points: readonly TrendPoint[]): (at: number) => string {
  const first = points[0]?.at ?? 0;
  const last = points[points.length - 1]?.at ?? 0;
  const short = last - first < 2 * DAY;
  const seconds = last - first < 3_600_000;
  return (at) => {
    const d = new Date(at);
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
    return short ? time : date;
  };
}

/** The sentence under the chart: how the score moved over the shown runs. */
export function trendSummary(points: readonly TrendPoint[]): string {
  if (points.length === 0) return 'No finished runs for this scope yet.';
  const last = points[points.length - 1]!;
  if (points.length === 1) return `One run: score ${last.score} (${last.grade}).`;
  const first = points[0]!;
  const delta = last.score - first.score;
  const moved = delta === 0 ? 'unchanged' : delta > 0 ? `up ${delta}` : `down ${-delta}`;
  return `${points.length} runs: score ${first.score} → ${last.score} (${moved}); now ${last.danger} danger, ${last.warning} warning.`;
}
