import { describe, expect, it } from 'vitest';
import { formatLabels, parseLabels } from './labels';

describe('label text', () => {
  it('reads key: value and key=value, by commas or lines', () => {
    expect(parseLabels('env: prod, team=a\nflotilla.io/protected: "true"')).toEqual({
      labels: { env: 'prod', team: 'a', 'flotilla.io/protected': 'true' },
    });
    expect(parseLabels('  ')).toEqual({ labels: {} });
  });

  it('names the entry it cannot read', () => {
    expect(parseLabels('env: prod, oops')).toEqual({ error: '"oops" is not a label: write key: value' });
  });

  it('round-trips', () => {
    const labels = { a: '1', 'b.io/c': 'x' };
    expect(parseLabels(formatLabels(labels))).toEqual({ labels });
  });
});
