import { describe, expect, it } from 'vitest';
import { compareBlocked, diffHeadline, orderPair, scoreChange } from './diff-labels';

describe('comparing two runs', () => {
  const older = { id: 'r1', startedAt: '2026-12-01T10:00:00Z', score: 71, grade: 'C' };
  const newer = { id: 'r2', startedAt: '2026-12-02T10:00:00Z', score: 78, grade: 'C' };

  it('puts the older run first whatever order they were picked in', () => {
    expect(orderPair(newer, older)).toEqual({ before: older, after: newer });
    expect(orderPair(older, newer)).toEqual({ before: older, after: newer });
  });

  it.each([
    [{ new: 3, fixed: 2, unchanged: 10 }, '3 new, 2 fixed, 10 unchanged'],
    [{ new: 0, fixed: 1, unchanged: 0 }, '0 new, 1 fixed, 0 unchanged'],
    [{ new: 0, fixed: 0, unchanged: 1 }, 'No change: the same 1 finding in both runs.'],
    [{ new: 0, fixed: 0, unchanged: 1500 }, 'No change: the same 1,500 findings in both runs.'],
    [{ new: 0, fixed: 0, unchanged: 0 }, 'Neither run has findings.'],
  ])('%o → %s', (counts, line) => {
    expect(diffHeadline(counts)).toBe(line);
  });

  it('describes the score change with sign and grades', () => {
    expect(scoreChange(older, newer)).toBe('Score 71 (C) → 78 (C), +7');
    expect(scoreChange(newer, older)).toBe('Score 78 (C) → 71 (C), −7');
    expect(scoreChange(older, { ...older, id: 'x' })).toBe('Score 71 (C) → 71 (C), ±0');
    expect(scoreChange(older, { id: 'x', startedAt: '' })).toBe('');
  });

  it.each([
    [[], 'Pick two runs to compare (0 picked)'],
    [['a'], 'Pick two runs to compare (1 picked)'],
    [['a', 'b', 'c'], 'Pick only two runs'],
    [['a', 'a'], 'Pick two different runs'],
    [['a', 'b'], undefined],
  ])('picked %j → %s', (picked, reason) => {
    expect(compareBlocked(picked)).toBe(reason);
  });
});
