/**
 * A Sonobuoy plugin's tests as a tree for browsing: status (failed first) → area (the test's
 * `[sig-…]` tag, "Other" without one) → tests, with counts at every level and a text filter. Pure.
 */

export type TestStatus = 'passed' | 'failed' | 'skipped';

export interface ConformanceTestLike {
  name: string;
  status: TestStatus;
  message?: string;
}

export interface AreaNode<T> {
  area: string;
  tests: T[];
}

export interface StatusNode<T> {
  status: TestStatus;
  count: number;
  areas: AreaNode<T>[];
}

const ORDER: TestStatus[] = ['failed', 'passed', 'skipped'];

/** "[sig-apps] Deployment should …" → "sig-apps"; "Other" without a sig tag. */
export function areaOf(name: string): string {
  const m = /\[(sig-[^\]]+)\]/.exec(name);
  return m ? m[1]! : 'Other';
}

export function testTree<T extends ConformanceTestLike>(tests: readonly T[], filter = ''): StatusNode<T>[] {
  const needle = filter.trim().toLowerCase();
  const byStatus = new Map<TestStatus, Map<string, T[]>>();
  for (const t of tests) {
    if (needle && !t.name.toLowerCase().includes(needle) && !(t.message ?? '').toLowerCase().includes(needle))
      continue;
    let areas = byStatus.get(t.status);
    if (!areas) byStatus.set(t.status, (areas = new Map()));
    const area = areaOf(t.name);
    const list = areas.get(area);
    if (list) list.push(t);
    else areas.set(area, [t]);
  }
  return ORDER.filter((s) => byStatus.has(s)).map((status) => {
    const areas = [...byStatus.get(status)!.entries()]
      .sort(([a], [b]) => (a === 'Other' ? 1 : b === 'Other' ? -1 : a.localeCompare(b)))
      .map(([area, list]) => ({ area, tests: [...list].sort((x, y) => x.name.localeCompare(y.name)) }));
    return { status, count: areas.reduce((n, a) => n + a.tests.length, 0), areas };
  });
}

/** "12 passed, 1 failed, 300 skipped". */
export function tally(p: { passed: number; failed: number; skipped: number }): string {
  return `${p.passed.toLocaleString('en-US')} passed, ${p.failed.toLocaleString('en-US')} failed, ${p.skipped.toLocaleString('en-US')} skipped`;
}
