import { describe, expect, it } from 'vitest';
import { shouldStartDemo } from './demo-decision';

describe('shouldStartDemo', () => {
  it.each([
    ['on', 5, 3, true],
    ['off', 0, 0, false],
    ['auto', 0, 0, true],
    ['auto', 1, 0, false],
    ['auto', 0, 2, false],
  ] as const)('%s with %i attached and %i contexts in ~/.kube → %s', (flag, attached, contexts, expected) => {
    expect(shouldStartDemo(flag, attached, contexts)).toBe(expected);
  });
});
