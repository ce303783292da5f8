import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/contract/sources';
import { importSummary, inventoryGrid, issuePlace, outcomeText } from './import-text';

const result = (inventory: ImportResult['inventory'], issues: ImportResult['issues']): ImportResult => ({
  source: {
    id: 'manifests:1',
    kind: 'manifests',
    label: 'app',
    clusters: [],
    kinds: [],
    objects: inventory.reduce((n, r) => n + r.count, 0),
    includes: { secretValues: false, events: false, metrics: false, logs: false },
    readOnly: true,
  },
  inventory,
  issues,
});

describe('import wording', () => {
  it.each([
    [{ file: 'a.yaml', line: 3, column: 7 }, 'a.yaml:3:7'],
    [{ file: 'a.yaml', line: 3 }, 'a.yaml:3'],
    [{ file: 'dir/b.json' }, 'dir/b.json'],
  ])('issuePlace %j', (issue, text) => expect(issuePlace(issue)).toBe(text));

  it('summarises objects, kinds, namespaces and problems', () => {
    const inv = [
      { kind: 'Deployment', namespace: 'a', count: 2 },
      { kind: 'Service', namespace: 'b', count: 1 },
      { kind: 'Namespace', namespace: '', count: 2 },
    ];
    expect(importSummary(result(inv, []))).toBe('5 objects of 3 kinds in 2 namespaces · no problems');
    const issues = [
      { file: 'x', level: 'error' as const, message: 'm' },
      { file: 'y', level: 'warning' as const, message: 'm' },
      { file: 'z', level: 'warning' as const, message: 'm' },
    ];
    expect(importSummary(result(inv.slice(0, 1), issues))).toBe(
      '2 objects of 1 kind in 1 namespace · 1 error, 2 warnings',
    );
  });

  it('lays the inventory out as kinds by namespaces, cluster-scoped last', () => {
    const grid = inventoryGrid([
      { kind: 'Service', namespace: 'shop', count: 1 },
      { kind: 'Deployment', namespace: 'shop', count: 2 },
      { kind: 'Deployment', namespace: 'admin', count: 1 },
      { kind: 'Namespace', namespace: '', count: 2 },
    ]);
    expect(grid.namespaces).toEqual(['admin', 'shop', '']);
    expect(grid.rows.map((r) => [r.kind, r.total])).toEqual([
      ['Deployment', 3],
      ['Namespace', 2],
      ['Service', 1],
    ]);
    expect(grid.totals).toEqual({ admin: 1, shop: 3, '': 2 });
  });

  it.each([
    ['created', true, 'would be created'],
    ['unchanged', false, 'unchanged'],
    ['skipped', true, 'checked at apply'],
    ['failed', true, 'failed'],
  ])('outcome %s (dry run %s)', (o, dry, text) => expect(outcomeText(o, dry)).toBe(text));
});
