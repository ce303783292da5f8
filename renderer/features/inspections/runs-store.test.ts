import { beforeEach, describe, expect, it } from 'vitest';
import { activeRunOf, useRunsStore } from './runs-store';

const initial = useRunsStore.getState();
beforeEach(() => useRunsStore.setState(initial, true));

describe('runs in flight', () => {
  it('tracks a run from start through progress to its end', () => {
    const s = () => useRunsStore.getState();
    s().start('r1', 'cluster:c1');
    expect(activeRunOf(s(), 'cluster:c1')).toEqual({ runId: 'r1', done: 0, total: 0, phase: 'reading' });
    s().onProgress({ runId: 'r1', done: 5, total: 10, phase: 'inspecting' });
    expect(activeRunOf(s(), 'cluster:c1')?.done).toBe(5);
    s().onFinished({ runId: 'r1', scopeKey: 'cluster:c1', status: 'done', score: 80, grade: 'B' });
    expect(activeRunOf(s(), 'cluster:c1')).toBeUndefined();
    expect(s().ended.r1?.grade).toBe('B');
    expect(s().finishedCount).toBe(1);
  });

  it('a run that ended before its start was recorded stays ended', () => {
    const s = () => useRunsStore.getState();
    s().onFinished({ runId: 'fast', scopeKey: 'fleet', status: 'done', score: 90, grade: 'A' });
    s().start('fast', 'fleet');
    expect(activeRunOf(s(), 'fleet')).toBeUndefined();
    expect(s().progress).toEqual({});
  });

  it('remembers the last 50 endings', () => {
    const s = () => useRunsStore.getState();
    for (let i = 0; i < 60; i++) s().onFinished({ runId: `r${i}`, scopeKey: 'fleet', status: 'cancelled' });
    expect(Object.keys(s().ended)).toHaveLength(50);
    expect(s().ended.r59).toBeDefined();
    expect(s().ended.r9).toBeUndefined();
  });
});
