import { describe, expect, it } from 'vitest';
import { usageByNode } from './node-metrics';

describe('usageByNode', () => {
  it('reads NodeMetrics usage, skipping malformed items', () => {
    const byNode = usageByNode({
      items: [
        { metadata: { name: 'a' }, usage: { cpu: '250m', memory: '1Gi' } },
        { metadata: { name: 'b' }, usage: { cpu: '1200000n', memory: '512Ki' } },
        { metadata: { name: 'c' }, usage: { cpu: 'lots', memory: '1Gi' } },
        { metadata: {}, usage: { cpu: '1', memory: '1' } },
      ],
    });
    expect(Object.fromEntries(byNode)).toEqual({
      a: { cpu: 0.25, memory: 2 ** 30 },
      b: { cpu: expect.closeTo(0.0012, 12) as number, memory: 512 * 1024 },
    });
  });

  it.each([null, {}, { items: 'x' }])('answers nothing for %j', (body) => {
    expect(usageByNode(body).size).toBe(0);
  });
});
