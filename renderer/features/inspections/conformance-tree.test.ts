import { describe, expect, it } from 'vitest';
import { areaOf, tally, testTree, type ConformanceTestLike } from './conformance-tree';

const tests: ConformanceTestLike[] = [
  { name: '[sig-apps] Deployment should run the lifecycle [Conformance]', status: 'passed' },
  {
    name: '[sig-network] DNS should resolve [Conformance]',
    status: 'failed',
    message: 'timed out waiting for dns',
  },
  { name: '[sig-apps] Job should run to completion', status: 'failed', message: 'pods never completed' },
  { name: 'Kubectl client works', status: 'skipped' },
  { name: '[sig-apps] ReplicaSet adopts [Conformance]', status: 'passed' },
];

describe('conformance test tree', () => {
  it('groups failed first, then by sig area, with counts', () => {
    const tree = testTree(tests);
    expect(tree.map((s) => [s.status, s.count])).toEqual([
      ['failed', 2],
      ['passed', 2],
      ['skipped', 1],
    ]);
    expect(tree[0]!.areas.map((a) => a.area)).toEqual(['sig-apps', 'sig-network']);
    expect(tree[1]!.areas[0]!.tests.map((t) => t.name)).toEqual([
      '[sig-apps] Deployment should run the lifecycle [Conformance]',
      '[sig-apps] ReplicaSet adopts [Conformance]',
    ]);
    expect(tree[2]!.areas[0]!.area).toBe('Other');
  });

  it('filters on names and failure messages, dropping empty branches', () => {
    const tree = testTree(tests, 'DNS');
    expect(tree).toHaveLength(1);
    expect(tree[0]!.areas[0]!.tests[0]!.name).toContain('DNS should resolve');
    expect(testTree(tests, 'never completed')[0]!.areas[0]!.tests).toHaveLength(1);
    expect(testTree(tests, 'no such test')).toEqual([]);
  });

  it('names areas and tallies', () => {
    expect(areaOf('[sig-storage] CSI [Serial]')).toBe('sig-storage');
    expect(areaOf('[Serial] no sig')).toBe('Other');
    expect(tally({ passed: 1200, failed: 1, skipped: 0 })).toBe('1,200 passed, 1 failed, 0 skipped');
  });
});
