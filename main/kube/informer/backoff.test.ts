import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  const cases: Array<[number, number, number, number]> = [
    // attempt, random, base/max defaults → expected
    [0, 0, 250, 0],
    [0, 1, 500, 0],
    [1, 0, 500, 0],
    [3, 1, 4000, 0],
    [6, 1, 30_000, 0],
    [40, 0.5, 22_500, 0],
  ];
  it.each(cases)('attempt %i with random %f → %i ms', (attempt, r, expected) => {
    expect(backoffDelay(attempt, { random: () => r })).toBe(expected);
  });

  it('spreads retries of many watchers (jitter)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(4000);
    for (const d of delays) expect(d).toBeLessThanOrEqual(8000);
  });
});

describe('sleep', () => {
  it('ends early when aborted', async () => {
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort(), 20);
    await sleep(10_000, ac.signal);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
