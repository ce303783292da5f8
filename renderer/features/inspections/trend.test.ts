import { describe, expect, it } from 'vitest';
import { tickFormatter, trendPoints, trendSummary, type TrendInput } from './trend';

const run = (runId: string, time: string, score: number, over: Partial<TrendInput> = {}): TrendInput => ({
  runId,
  time,
  score,
  grade: score >= 90 ? 'A' : 'C',
  danger: 1,
  warning: 2,
  ...over,
});

describe('trend points', () => {
  it('orders runs oldest first and skips unreadable times', () => {
    const points = trendPoints([
      run('b', '2026-12-02T10:00:00Z', 80),
      run('a', '2026-12-01T10:00:00Z', 70),
      run('e', 'not a time', 75),
    ]);
    expect(points.map((p) => [p.runId, p.score])).toEqual([
      ['a', 70],
      ['b', 80],
    ]);
    expect(points[0]).toEqual({
      runId: 'a',
      at: Date.parse('2026-12-01T10:00:00Z'),
      score: 70,
      grade: 'C',
      danger: 1,
      warning: 2,
    });
  });

  it('thins many runs to the last of each day, then to the latest maxPoints', () => {
    const runs: TrendInput[] = [];
    for (let day = 1; day <= 9; day++)
      for (const hour of [1, 12, 23])
        runs.push(run(`${day}-${hour}`, `2026-11-0${day}T${String(hour).padStart(2, '0')}:00:00Z`, day * 10));
    const points = trendPoints(runs, 5);
    expect(points.map((p) => p.runId)).toEqual(['5-23', '6-23', '7-23', '8-23', '9-23']);
    expect(trendPoints(runs, 100)).toHaveLength(27);
  });
});

describe('ticks and summary', () => {
  it('shows seconds within an hour, times within two days and dates beyond', () => {
    const close = trendPoints([run('a', '2026-12-01T10:00:00', 1), run('b', '2026-12-01T10:00:07', 2)]);
    expect(tickFormatter(close)(close[1]!.at)).toBe('10:00:07');
    const near = trendPoints([run('a', '2026-12-01T10:00:00', 1), run('b', '2026-12-01T15:30:00', 2)]);
    expect(tickFormatter(near)(near[1]!.at)).toBe('15:30');
    const far = trendPoints([run('a', '2026-11-01T10:00:00', 1), run('b', '2026-12-01T15:30:00', 2)]);
    expect(tickFormatter(far)(far[1]!.at)).toBe('2026-12-01');
  });

  it('says how the score moved', () => {
    expect(trendSummary([])).toBe('No finished runs for this scope yet.');
    const one = trendPoints([run('a', '2026-12-01T10:00:00Z', 92)]);
    expect(trendSummary(one)).toBe('One run: score 92 (A).');
    const up = trendPoints([run('a', '2026-12-01T10:00:00Z', 70), run('b', '2026-12-02T10:00:00Z', 92)]);
    expect(trendSummary(up)).toBe('2 runs: score 70 → 92 (up 22); now 1 danger, 2 warning.');
    const down = trendPoints([run('a', '2026-12-01T10:00:00Z', 92), run('b', '2026-12-02T10:00:00Z', 70)]);
    expect(trendSummary(down)).toContain('(down 22)');
    const same = trendPoints([run('a', '2026-12-01T10:00:00Z', 70), run('b', '2026-12-02T10:00:00Z', 70)]);
    expect(trendSummary(same)).toContain('(unchanged)');
  });
});
