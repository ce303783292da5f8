import { describe, expect, it } from 'vitest';
import { createNotifier, type ChangeNotice } from './notifier';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('notifier', () => {
  it('coalesces a burst into few notices, at most one per interval, losing nothing', async () => {
    const got: Array<{ at: number; notice: ChangeNotice }> = [];
    const n = createNotifier('live', (notice) => got.push({ at: Date.now(), notice }), 100);
    const started = Date.now();
    while (Date.now() - started < 450) {
      n.changed('c1', 'Pod');
      n.changed('c2', 'Node', 2);
      await wait(5);
    }
    await wait(150);
    n.close();
    expect(got.length).toBeGreaterThanOrEqual(4);
    expect(got.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < got.length; i++) expect(got[i].at - got[i - 1].at).toBeGreaterThanOrEqual(95);
    const pods = got.flatMap((g) => g.notice.changes).filter((c) => c.kind === 'Pod');
    const nodes = got.flatMap((g) => g.notice.changes).filter((c) => c.kind === 'Node');
    expect(nodes.reduce((s, c) => s + c.count, 0)).toBe(2 * pods.reduce((s, c) => s + c.count, 0));
    expect(got[0].notice.source).toBe('live');
  });

  it('sends the first change after a quiet period at once, and nothing after close', async () => {
    const got: ChangeNotice[] = [];
    const n = createNotifier('live', (notice) => got.push(notice), 1000);
    n.changed('c1', 'Pod');
    await wait(20);
    expect(got).toEqual([{ source: 'live', changes: [{ cluster: 'c1', kind: 'Pod', count: 1 }] }]);
    n.changed('c1', 'Pod');
    n.close();
    await wait(20);
    expect(got).toHaveLength(1);
  });
});
