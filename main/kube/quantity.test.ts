import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['100m', 0.1],
    ['2', 2],
    ['1.5', 1.5],
    ['250u', 0.00025],
    ['1Ki', 1024],
    ['128Mi', 128 * 1024 * 1024],
    ['2Gi', 2 * 1024 ** 3],
    ['500M', 5e8],
    ['1e3', 1000],
    ['1.5E2', 150],
    ['.5', 0.5],
    [' 3 ', 3],
  ])('%s → %d', (text, expected) => {
    expect(parseQuantity(text)).toBeCloseTo(expected, 9);
  });

  it.each(['', 'abc', '1 Gi', '1gi', '--1', 'Gi'])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeNaN();
  });
});
