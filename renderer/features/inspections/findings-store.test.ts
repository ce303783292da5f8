import { describe, expect, it } from 'vitest';
import type { FindingPage, InspectionFinding } from '../../../shared/contract/inspections';
import { createFindingsList, PAGE } from './findings-store';

const finding = (i: number): InspectionFinding => ({
  checkId: `check-${i}`,
  set: 'polaris',
  title: 't',
  severity: 'warning',
  category: 'Reliability',
  message: 'm',
  remediation: 'r',
  source: 'live',
  cluster: 'c',
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  namespace: 'n',
  name: `d-${i}`,
  path: 'spec',
});

/** A findings source of `total` rows that records which offsets were asked for. */
function source(total: number) {
  const asked: number[] = [];
  const fetch = (offset: number, limit: number): Promise<FindingPage> => {
    asked.push(offset);
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) =>
      finding(offset + k),
    );
    return Promise.resolve({ total, offset, items });
  };
  return { asked, fetch };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('findings list', () => {
  it('fetches the first page at once and later pages only when they come into view', async () => {
    const s = source(3 * PAGE + 5);
    const store = createFindingsList(s.fetch);
    await settle();
    expect(store.getState()).toMatchObject({ total: 3 * PAGE + 5, loaded: true, error: null });
    expect(s.asked).toEqual([0]);
    expect(store.getState().rowAt(1)?.name).toBe('d-1');
    expect(store.getState().rowAt(PAGE)).toBeUndefined();

    store.getState().ensureRange(PAGE - 10, PAGE + 10);
    store.getState().ensureRange(PAGE - 5, PAGE + 15); // already asked: not again
    await settle();
    expect(s.asked).toEqual([0, PAGE]);
    expect(store.getState().rowAt(PAGE + 3)?.name).toBe(`d-${PAGE + 3}`);

    store.getState().ensureRange(3 * PAGE, 3 * PAGE + 40);
    await settle();
    expect(s.asked).toEqual([0, PAGE, 3 * PAGE]);
    expect(store.getState().rowAt(3 * PAGE + 4)?.name).toBe(`d-${3 * PAGE + 4}`);
  });

  it("keeps main's message when a page cannot be read", async () => {
    const store = createFindingsList(() => Promise.reject(new Error('No run "x": it was deleted.')));
    await settle();
    expect(store.getState()).toMatchObject({ loaded: true, error: 'No run "x": it was deleted.', total: 0 });
  });
});
