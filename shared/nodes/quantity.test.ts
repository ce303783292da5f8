import { describe, expect, it } from 'vitest';
import { parseQuantity, quantityOrZero } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['250m', 0.25],
    ['1', 1],
    ['1.5', 1.5],
    ['100n', 1e-7],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['2G', 2e9],
    ['1e3', 1000],
    ['16Ki', 16384],
    [4, 4],
    ['100m', 0.1],
    ['250u', 0.00025],
    ['1Ki', 1024],
    ['2Gi', 2 * 1024 ** 3],
    ['500M', 5e8],
    ['1.5E2', 150],
    ['.5', 0.5],
    [' 3 ', 3],
  ])('%s → %d', (text, expected) => {
    expect(parseQuantity(text)).toBeCloseTo(expected, 12);
  });

  it.each(['', 'abc', '1Zi', '1.2.3', '1 Gi', '1gi', '--1', 'Gi', null, undefined])(
    '%s is not a quantity',
    (text) => {
      expect(parseQuantity(text)).toBeNaN();
      expect(quantityOrZero(text)).toBe(0);
    },
  );
});
