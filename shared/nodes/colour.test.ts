import { describe, expect, it } from 'vitest';
import { BANDS, bandOf, NO_DATA } from './colour';

describe('bandOf', () => {
  it.each([
    [0, '0–20%'],
    [0.19, '0–20%'],
    [0.2, '20–40%'],
    [0.5, '40–60%'],
    [0.79, '60–80%'],
    [0.99, '80–100%'],
    [1, '≥100%'],
    [3, '≥100%'],
  ])('%d → %s', (share, label) => {
    expect(bandOf(share).label).toBe(label);
  });

  it.each([undefined, null, Number.NaN, -1])('%s → no data', (share) => {
    expect(bandOf(share)).toBe(NO_DATA);
  });

  it('bands rise and have distinct colours', () => {
    const froms = BANDS.map((b) => b.from);
    expect([...froms].sort((a, b) => a - b)).toEqual(froms);
    expect(new Set(BANDS.map((b) => b.colour)).size).toBe(BANDS.length);
  });
});
