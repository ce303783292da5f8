import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InspectionRunSummary, InspectionSchedule } from '../../../shared/contract/inspections';
import { pod, row, withSecurity } from '../../services/inspection/checks/test-helpers';
import { createLogger } from '../../services/log';
import { MemoryObjectReader } from '../../services/objects-memory/memory-reader';
import { openDatabase, type Db } from '../../store/db';
import { createInspectionsArea, type InspectionsArea } from './inspections';

/**
 * The inspections area over a real database and an in-memory source: schedules catch up once when
 * the app starts after missing several slots, and a snapshot-like source scope reads its own rows.
 */

let dir: string;
let db: Db;
let areas: InspectionsArea[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'insp-area-'));
  db = openDatabase(path.join(dir, 'flotilla.db'));
});
afterEach(async () => {
  for (const a of areas) await a.close();
  areas = [];
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const live = new MemoryObjectReader([
  { ...row(withSecurity({ privileged: true })), source: 'live', cluster: 'c1' },
]);
const snapshot = new MemoryObjectReader([
  {
    ...row({ ...pod(), metadata: { name: 'only-in-snapshot', namespace: 'x' } }),
    source: 'snapshot:s1',
    cluster: 'c1',
  },
]);

function area(now: () => Date, schedules: boolean, keepFindingsRuns?: number) {
  const a = createInspectionsArea({
    db,
    log: createLogger({ quiet: true }),
    emit: () => {},
    readerFor: (source) => (source === 'live' ? live : snapshot),
    kubeConfigYaml: () => '',
    clusters: async () => [{ id: 'c1', name: 'one', groupId: 'g', groupName: 'G' }],
    workspace: async () => ({ name: 'w', members: [] }),
    sources: async () => [
      { id: 'snapshot:s1', label: 'Snapshot of one', clusters: [{ name: 'c1', version: 'v1.30.1' }] },
    ],
    now,
    schedules,
    ...(keepFindingsRuns ? { keepFindingsRuns } : {}),
  });
  areas.push(a);
  return a;
}

const call = async <T>(a: InspectionsArea, name: keyof InspectionsArea['handlers'], input: unknown) =>
  (await (a.handlers[name] as (i: unknown) => unknown)(input)) as T;

async function settle(a: InspectionsArea) {
  await a.whenIdle();
  for (let i = 0; i < 100; i++) {
    const runs = await call<InspectionRunSummary[]>(a, 'inspections.list', { limit: 100 });
    if (runs.every((r) => r.status !== 'running')) return runs;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('runs did not finish');
}

describe('inspections area', () => {
  it('a daily schedule missed for five days runs once when the app starts, then waits for its slot', async () => {
    const made = new Date(2026, 11, 1, 12, 0);
    const a = area(() => made, false);
    const s = await call<InspectionSchedule>(a, 'inspections.schedules.set', {
      scope: { kind: 'cluster', id: 'c1' },
      every: { kind: 'daily', at: '03:00' },
      enabled: true,
    });
    expect(new Date(s.nextRunAt!).getTime()).toBe(new Date(2026, 11, 2, 3, 0).getTime());
    await a.close();

    const opened = new Date(2026, 11, 7, 9, 30);
    const b = area(() => opened, true);
    const runs = await settle(b);
    expect(runs.map((r) => [r.trigger, r.status, r.label])).toEqual([
      [`schedule:${s.id}`, 'done', 'Cluster one'],
    ]);
    expect(runs[0]!.findings).toBeGreaterThan(0);
    const [after] = await call<InspectionSchedule[]>(b, 'inspections.schedules.list', {});
    expect(after!.lastRunAt).toBe(opened.toISOString());
    expect(after!.lastRunId).toBe(runs[0]!.id);
    expect(new Date(after!.nextRunAt!).getTime()).toBe(new Date(2026, 11, 8, 3, 0).getTime());
  });

  it('a disabled schedule does not run', async () => {
    const a = area(() => new Date(2026, 11, 1), false);
    await call(a, 'inspections.schedules.set', {
      scope: { kind: 'fleet' },
      every: { kind: 'hours', hours: 1 },
      enabled: false,
    });
    const b = area(() => new Date(2026, 11, 9), true);
    expect(await settle(b)).toEqual([]);
  });

  it('a source scope inspects that source only', async () => {
    const a = area(() => new Date(), false);
    await call(a, 'inspections.run', { scope: { kind: 'source', source: 'snapshot:s1' }, kind: 'lite' });
    const [run] = await settle(a);
    expect(run!.label).toBe('Snapshot of one');
    const page = await call<{ items: Array<{ name: string; source: string }> }>(a, 'inspections.findings', {
      runId: run!.id,
      filters: {},
      offset: 0,
      limit: 100,
    });
    expect(new Set(page.items.map((f) => `${f.source} ${f.name}`))).toEqual(
      new Set(['snapshot:s1 only-in-snapshot']),
    );
  });

  it('only the newest runs of a scope keep their findings; older ones keep score and counts', async () => {
    let t = Date.parse('2026-12-04T10:00:00Z');
    const a = area(() => new Date((t += 60_000)), false, 2);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await call<{ runId: string }>(a, 'inspections.run', { scope: { kind: 'cluster', id: 'c1' } })).runId,
      );
      await settle(a);
    }
    // another scope is pruned on its own
    await call(a, 'inspections.run', { scope: { kind: 'fleet' } });
    await settle(a);
    const page = (runId: string) =>
      call<{ total: number }>(a, 'inspections.findings', { runId, filters: {}, offset: 0, limit: 10 });
    const oldest = await call<InspectionRunSummary>(a, 'inspections.get', { runId: ids[0] });
    expect(oldest.findings).toBeGreaterThan(0);
    expect(oldest.message).toContain('Findings removed to save space');
    await expect(page(ids[0]!)).rejects.toThrow(/findings of the run of .* were removed/);
    await expect(
      call(a, 'inspections.diff', { a: ids[0], b: ids[2], status: 'new', filters: {}, offset: 0, limit: 10 }),
    ).rejects.toThrow('were removed');
    expect((await page(ids[1]!)).total).toBe(oldest.findings);
    expect((await page(ids[2]!)).total).toBe(oldest.findings);
    const trend = await call<unknown[]>(a, 'inspections.trend', {
      scope: { kind: 'cluster', id: 'c1' },
      limit: 10,
    });
    expect(trend).toHaveLength(3);
  });
});
