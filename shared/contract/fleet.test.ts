import { describe, expect, it } from 'vitest';
import { allocationPercent, formatCpu, formatMemory, NAME_RULE } from './fleet';

describe('allocation formatting', () => {
  it.each([
    [{ requested: 2.92, allocatable: 10 }, '29% 2.92 / 10 CPUs'],
    [{ requested: 4.87, allocatable: 24 }, '20% 4.87 / 24 CPUs'],
    [{ requested: 0.1, allocatable: 3.5 }, '3% 0.1 / 3.5 CPUs'],
    [{ requested: 12.5, allocatable: 8 }, '156% 12.5 / 8 CPUs'],
    [{ requested: 0, allocatable: 0 }, '-- 0 / 0 CPUs'],
  ])('cpu %j → %s', (a, text) => expect(formatCpu(a)).toBe(text));

  it('memory in GiB', () => {
    expect(formatMemory({ requested: 1.53 * 2 ** 30, allocatable: 37.9 * 2 ** 30 })).toBe(
      '4% 1.53 / 37.90 GiB',
    );
    expect(formatMemory(undefined)).toBe('--');
    expect(allocationPercent({ requested: 1, allocatable: 3 })).toBe('33%');
  });

  it('name rule', () => {
    expect(NAME_RULE.test('tkg-01')).toBe(true);
    expect(NAME_RULE.test('tkg-')).toBe(false);
  });
});
