/** Run service over a real SQLite store: runs, filters, counts, diff, trend order, cancel, failure. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../store/db';
import {
  createInspectionStore,
  INSPECTIONS_SCHEMA_SQL,
  INSPECTIONS_V7_SQL,
  type InspectionStore,
} from '../../../store/inspections';
import { createLogger } from '../../log';
import { MemoryObjectReader } from '../../objects-memory/memory-reader';
import { deployment, pod, row, withSecurity } from '../checks/test-helpers';
import type { StoredObject } from '../../../../shared/objects/types';
import { createRunService, type RunEnd, type ScopePlan } from './service';
import { defaultScopeConfig, toEngineConfig } from './config-map';

let dir: string;
let db: Db;
let store: InspectionStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-insp-'));
  db = openDatabase(path.join(dir, 't.db'), {
    migrations: [
      { version: 1, description: 'inspections', sql: INSPECTIONS_SCHEMA_SQL },
      { version: 2, description: 'inspections v7', sql: INSPECTIONS_V7_SQL },
    ],
  });
  store = createInspectionStore(db);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const live = (o: Parameters<typeof row>[0], cluster: string): StoredObject => ({
  ...row(o, cluster),
  source: 'live',
});
const named = (o: ReturnType<typeof pod>, name: string, namespace: string) => ({
  ...o,
  metadata: { ...o.metadata, name, namespace },
});

function fleet(fixed = false): StoredObject[] {
  return [
    live(named(withSecurity({ privileged: !fixed }), 'priv', 'shop'), 'c1'),
    live(named(pod(), 'fine', 'shop'), 'c1'),
    live(named(withSecurity({ privileged: true }), 'other', 'blog'), 'c2'),
    live(deployment(), 'c2'),
  ];
}

type Scope = { kind: 'fleet' } | { kind: 'cluster'; id: string };
const plan = (s: Scope): ScopePlan => ({
  label: s.kind,
  source: 'live',
  parts: s.kind === 'fleet' ? [{}] : [{ clusters: [s.id] }],
  clusterVersions: {},
});

function service(
  reader: MemoryObjectReader,
  over: Partial<Parameters<typeof createRunService<Scope>>[0]> = {},
) {
  const ends: RunEnd[] = [];
  const svc = createRunService<Scope>({
    store,
    readerFor: () => reader,
    plan,
    config: () => toEngineConfig(defaultScopeConfig()),
    log: createLogger({ quiet: true }),
    onFinished: (e) => ends.push(e),
    ...over,
  });
  return { svc, ends };
}

describe('inspection runs', () => {
  it('stores a run with score, counts and findings that the filters page through', async () => {
    const { svc, ends } = service(new MemoryObjectReader(fleet()));
    const id = svc.start({ scope: { kind: 'fleet' }, scopeKey: 'fleet', trigger: 'manual' }, 'Fleet');
    expect(store.getRun(id)!.status).toBe('running');
    await svc.whenDone(id);
    const run = store.getRun(id)!;
    expect(ends).toEqual([
      { runId: id, scopeKey: 'fleet', status: 'done', score: run.score, grade: run.grade },
    ]);
    expect(run.status).toBe('done');
    expect(run.objects).toBe(4);
    expect(run.findings).toBeGreaterThan(0);
    expect(run.bySeverity.danger + run.bySeverity.warning + run.bySeverity.info).toBe(run.findings);
    expect(Object.values(run.byCategory).reduce((a, b) => a + b, 0)).toBe(run.findings);

    const all = store.findings(id, {}, 0, 1000);
    expect(all.total).toBe(run.findings);
    expect(all.items.map((f) => f.severity)).toEqual(
      [...all.items.map((f) => f.severity)].sort(
        (a, b) => ['danger', 'warning', 'info'].indexOf(a) - ['danger', 'warning', 'info'].indexOf(b),
      ),
    );
    const priv = all.items.find((f) => f.checkId === 'runAsPrivileged' && f.name === 'priv')!;
    expect(priv).toMatchObject({
      cluster: 'c1',
      namespace: 'shop',
      kind: 'Pod',
      title: expect.any(String),
      path: 'spec.containers[0].securityContext.privileged',
    });
    expect(priv.remediation.length).toBeGreaterThan(0);

    const cases: Array<
      [string, Parameters<InspectionStore['findings']>[1], (f: (typeof all.items)[0]) => boolean]
    > = [
      ['severity', { severity: ['danger'] }, (f) => f.severity === 'danger'],
      ['category', { category: ['Security'] }, (f) => f.category === 'Security'],
      ['check', { checkId: ['runAsPrivileged'] }, (f) => f.checkId === 'runAsPrivileged'],
      ['cluster', { cluster: ['c2'] }, (f) => f.cluster === 'c2'],
      ['namespace', { namespace: ['blog'] }, (f) => f.namespace === 'blog'],
      ['kind', { kind: ['Deployment'] }, (f) => f.kind === 'Deployment'],
      ['text (name)', { text: 'PRIV' }, (f) => /priv/i.test(f.name + f.namespace + f.message + f.checkId)],
      [
        'combined',
        { cluster: ['c1'], severity: ['danger'] },
        (f) => f.cluster === 'c1' && f.severity === 'danger',
      ],
    ];
    for (const [name, filter, pred] of cases) {
      const page = store.findings(id, filter, 0, 1000);
      const expected = all.items.filter(pred);
      expect(expected.length, name).toBeGreaterThan(0);
      expect(page.total, name).toBe(expected.length);
      expect(page.items, name).toEqual(expected);
    }
    const page2 = store.findings(id, {}, 2, 3);
    expect(page2.items).toEqual(all.items.slice(2, 5));

    const byCluster = store.countsBy(id, 'cluster');
    expect(byCluster.map((r) => r.key).sort()).toEqual(['c1', 'c2']);
    const sum = byCluster.reduce((n, r) => n + r.danger + r.warning + r.info, 0);
    expect(sum).toBe(run.findings);
    expect(store.countsBy(id, 'namespace').map((r) => r.key)).toContain('c1/shop');
  });

  it('a cluster scope inspects that cluster only', async () => {
    const { svc } = service(new MemoryObjectReader(fleet()));
    const id = svc.start(
      { scope: { kind: 'cluster', id: 'c2' }, scopeKey: 'cluster:c2', trigger: 'manual' },
      'c2',
    );
    await svc.whenDone(id);
    expect(store.getRun(id)!.objects).toBe(2);
    expect(new Set(store.findings(id, {}, 0, 1000).items.map((f) => f.cluster))).toEqual(new Set(['c2']));
  });

  it('the diff of two runs shows the fix as fixed, the rest unchanged; trend lists newest first', async () => {
    const reader = new MemoryObjectReader(fleet());
    let t = Date.parse('2026-12-04T10:00:00Z');
    const { svc } = service(reader, { now: () => new Date((t += 1000)) });
    const a = svc.start({ scope: { kind: 'fleet' }, scopeKey: 'fleet', trigger: 'manual' }, 'Fleet');
    await svc.whenDone(a);
    for (const o of fleet(true)) reader.put(o);
    const b = svc.start({ scope: { kind: 'fleet' }, scopeKey: 'fleet', trigger: 'manual' }, 'Fleet');
    await svc.whenDone(b);
    const fixed = store.diff(a, b, 'fixed', {}, 0, 100);
    expect(fixed.items.some((f) => f.checkId === 'runAsPrivileged' && f.name === 'priv')).toBe(true);
    expect(fixed.items.every((f) => f.name === 'priv')).toBe(true);
    expect(fixed.counts.new).toBe(0);
    expect(fixed.counts.unchanged).toBe(store.getRun(b)!.findings);
    expect(fixed.counts.fixed + fixed.counts.unchanged).toBe(store.getRun(a)!.findings);
    const unchanged = store.diff(a, b, 'unchanged', { cluster: ['c2'] }, 0, 100);
    expect(unchanged.total).toBe(store.findings(b, { cluster: ['c2'] }, 0, 1).total);
    expect(store.getRun(b)!.score).toBeGreaterThan(store.getRun(a)!.score);
    expect(store.listRuns({ scopeKey: 'fleet', limit: 10 }).map((r) => r.id)).toEqual([b, a]);
    expect(store.deleteRuns([a])).toBe(1);
    expect(store.findings(a, {}, 0, 10).total).toBe(0);
  });

  it('cancel ends the run as cancelled with nothing stored', async () => {
    const many = Array.from({ length: 300 }, (_, i) => live(named(pod(), `p${i}`, 'ns'), 'c1'));
    const { svc, ends } = service(new MemoryObjectReader(many), { batch: 10 });
    const id = svc.start({ scope: { kind: 'fleet' }, scopeKey: 'fleet', trigger: 'manual' }, 'Fleet');
    expect(svc.cancel(id)).toBe(true);
    await svc.whenDone(id);
    expect(store.getRun(id)).toMatchObject({ status: 'cancelled', findings: 0 });
    expect(ends[0]!.status).toBe('cancelled');
    expect(svc.cancel(id)).toBe(false);
  });

  it('stores findings in chunks; an abort between chunks leaves no findings behind', async () => {
    const { svc } = service(new MemoryObjectReader(fleet()));
    const id = svc.start({ scope: { kind: 'fleet' }, scopeKey: 'fleet', trigger: 'manual' }, 'Fleet');
    await svc.whenDone(id);
    const stored = store.findings(id, {}, 0, 1000).items;
    const findings = stored.map((f) => ({ ...f, object: f }));
    const done = {
      finishedAt: 'z',
      objects: 1,
      checksRun: 1,
      score: 1,
      grade: 'F',
      results: { pass: 0, warning: 0, danger: 0, info: 0 },
      checks: store.checkMeta(id),
      findings,
    };
    store.insertRun({
      id: 'chunked',
      scopeKey: 'k',
      scope: {},
      label: 'l',
      sets: [],
      trigger: 'm',
      startedAt: 'a',
    });
    await store.completeRun('chunked', done, { chunk: 2 });
    expect(store.findings('chunked', {}, 0, 1000).items).toEqual(stored);
    expect(store.getRun('chunked')!.findings).toBe(stored.length);

    store.insertRun({
      id: 'aborted',
      scopeKey: 'k',
      scope: {},
      label: 'l',
      sets: [],
      trigger: 'm',
      startedAt: 'b',
    });
    const controller = new AbortController();
    const writing = store.completeRun('aborted', done, { chunk: 2, signal: controller.signal });
    controller.abort();
    await expect(writing).rejects.toThrow();
    expect(store.findings('aborted', {}, 0, 1000).total).toBe(0);
    expect(store.getRun('aborted')!.status).toBe('running');
  });

  it('a scope that cannot be resolved fails with its message; interrupted runs become failed', async () => {
    const { svc, ends } = service(new MemoryObjectReader([]), {
      plan: () => {
        throw new Error('cluster c9 is not attached');
      },
    });
    const id = svc.start(
      { scope: { kind: 'cluster', id: 'c9' }, scopeKey: 'cluster:c9', trigger: 'manual' },
      'c9',
    );
    await svc.whenDone(id);
    expect(store.getRun(id)).toMatchObject({ status: 'failed', message: 'cluster c9 is not attached' });
    expect(ends[0]).toMatchObject({ status: 'failed', message: 'cluster c9 is not attached' });
    store.insertRun({
      id: 'x',
      scopeKey: 'fleet',
      scope: {},
      label: 'l',
      sets: [],
      trigger: 'manual',
      startedAt: 'z',
    });
    expect(store.failInterrupted('now')).toBe(1);
    expect(store.getRun('x')!.status).toBe('failed');
  });
});
