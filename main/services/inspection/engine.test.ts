import { describe, expect, it } from 'vitest';
import { MemoryObjectReader } from '../objects-memory/memory-reader';
import { builtInChecks } from './catalog';
import { deployment, goodContainer, pod, row, withSecurity } from './checks/test-helpers';
import { inspect, inspectObjects } from './index';
import { diffFindings, gradeOf, polarisScore, summarize } from './score';

const privileged = () => withSecurity({ privileged: true });

describe('engine configuration', () => {
  const objects = [
    row(privileged()),
    row({ ...privileged(), metadata: { name: 'q', namespace: 'kube-system' } }),
  ];
  const only = builtInChecks.filter((c) => c.id === 'runAsPrivileged');

  it('finds, then honours disabling, severity changes and exemptions', async () => {
    const base = await inspectObjects(objects, { checks: only });
    expect(base.findings).toHaveLength(2);
    expect(
      (
        await inspectObjects(objects, {
          checks: only,
          config: { checks: { runAsPrivileged: { enabled: false } } },
        })
      ).findings,
    ).toHaveLength(0);
    const sev = await inspectObjects(objects, {
      checks: only,
      config: { checks: { runAsPrivileged: { severity: 'info' } } },
    });
    expect(sev.findings.map((f) => f.severity)).toEqual(['info', 'info']);
    const ns = await inspectObjects(objects, {
      checks: only,
      config: { exemptions: [{ namespaces: ['kube-system'] }] },
    });
    expect(ns.findings.map((f) => f.object.name)).toEqual(['p']);
    const scoped = await inspectObjects(objects, {
      checks: only,
      config: {
        scoped: [
          { scope: { namespaces: ['kube-system'] }, checks: { runAsPrivileged: { severity: 'warning' } } },
        ],
      },
    });
    expect(scoped.findings.map((f) => `${f.object.name}:${f.severity}`)).toEqual(['p:danger', 'q:warning']);
  });

  it('exempts by label and by annotation, including Polaris annotations', async () => {
    const labelled = row({
      ...privileged(),
      metadata: { name: 'l', namespace: 'default', labels: { tier: 'infra' } },
    });
    const annotated = row({
      ...privileged(),
      metadata: {
        name: 'a',
        namespace: 'default',
        annotations: { 'polaris.fairwinds.com/runAsPrivileged-exempt': 'true' },
      },
    });
    const all = row({
      ...privileged(),
      metadata: { name: 'x', namespace: 'default', annotations: { 'polaris.fairwinds.com/exempt': 'true' } },
    });
    const other = row({
      ...privileged(),
      metadata: {
        name: 'o',
        namespace: 'default',
        annotations: { 'polaris.fairwinds.com/hostIPCSet-exempt': 'true' },
      },
    });
    const r = await inspectObjects([labelled, annotated, all, other], {
      checks: only,
      config: { exemptions: [{ labels: { tier: '*' } }] },
    });
    expect(r.findings.map((f) => f.object.name)).toEqual(['o']);
    const off = await inspectObjects([annotated], { checks: only, config: { polarisAnnotations: false } });
    expect(off.findings).toHaveLength(1);
  });

  it('runs only the chosen sets (restricted implies baseline)', async () => {
    const r = await inspectObjects([row(pod({ hostPID: true }))], { config: { sets: ['pss-restricted'] } });
    expect(new Set(r.findings.map((f) => f.set))).toEqual(new Set(['pss-baseline']));
  });

  it('reports progress and stops on abort', async () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      row({ ...deployment(), metadata: { name: `d${i}`, namespace: 'default' } }),
    );
    const seen: number[] = [];
    const r = await inspectObjects(many, { batch: 10, onProgress: (p) => seen.push(p.completed) });
    expect(r.objectsInspected).toBe(50);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(50);
    const ac = new AbortController();
    ac.abort();
    await expect(inspect(new MemoryObjectReader(many), { signal: ac.signal })).rejects.toThrow();
  });
});

describe('score, grade, summary and diff', () => {
  it('uses the Polaris formula', () => {
    expect(polarisScore({ pass: 8, warning: 2, danger: 1, info: 5 })).toBe(
      Math.floor((16 / (16 + 2 + 2)) * 100),
    );
    expect(polarisScore({ pass: 0, warning: 0, danger: 0, info: 0 })).toBe(100);
    expect([95, 85, 75, 65, 55, 10].map(gradeOf)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('counts container checks per container, as Polaris does', async () => {
    const two = pod({ containers: [goodContainer(), goodContainer({ name: 'side', resources: {} })] });
    const only = builtInChecks.filter((c) => c.id === 'cpuLimitsMissing');
    const r = await inspectObjects([row(two)], { checks: only });
    expect(r.results).toEqual({ pass: 1, warning: 1, danger: 0, info: 0 });
    expect(r.score).toBe(Math.floor((200 * 1) / (2 * 1 + 1)));
  });

  it('summarises and diffs two runs', async () => {
    const before = await inspectObjects([row(privileged()), row(pod({ hostIPC: true }, { name: 'h' }))], {
      config: { sets: ['polaris'] },
    });
    const after = await inspectObjects(
      [row(pod({ hostIPC: true }, { name: 'h' })), row(pod({ hostPID: true }, { name: 'n' }))],
      { config: { sets: ['polaris'] } },
    );
    const d = diffFindings(before.findings, after.findings);
    expect(d.fixed.some((f) => f.checkId === 'runAsPrivileged')).toBe(true);
    expect(d.added.some((f) => f.checkId === 'hostPIDSet' && f.object.name === 'n')).toBe(true);
    expect(d.unchanged.some((f) => f.checkId === 'hostIPCSet')).toBe(true);
    expect(d.added.length + d.unchanged.length).toBe(after.findings.length);
    const s = summarize(after.findings);
    expect(s.total).toBe(after.findings.length);
    expect(Object.values(s.bySeverity).reduce((a, b) => a + b, 0)).toBe(s.total);
    expect(s.byCluster).toEqual({ c1: s.total });
    expect(after.score).toBe(polarisScore(after.results));
  });
});
