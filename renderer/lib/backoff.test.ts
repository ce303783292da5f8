import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const options = { initialMs: 250, maxMs: 5_000, jitter: 0.2 };

describe('backoffDelay', () => {
  it.each([
    [0, 250],
    [1, 500],
    [2, 1_000],
    [4, 4_000],
    [5, 5_000],
    [50, 5_000],
  ])('attempt %i without jitter waits %i ms', (attempt, delay) => {
    expect(backoffDelay(attempt, options, () => 0)).toBe(delay);
  });

  it('adds at most the jitter fraction', () => {
    expect(backoffDelay(1, options, () => 0.999_999)).toBe(600);
    expect(backoffDelay(50, options, () => 0.5)).toBe(5_500);
  });
});
