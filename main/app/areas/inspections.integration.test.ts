import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import type { Inspection } from '../../../shared/contract/fleet';
import type {
  ConformanceResult,
  FindingPage,
  InspectionDiff,
  InspectionRunDetail,
  InspectionRunSummary,
  InspectionSchedule,
  TrendPoint,
} from '../../../shared/contract/inspections';
import { createLogger } from '../../services/log';
import { createAppCore, type AppCore } from '../compose';

/**
 * Inspections through the composed app over the kube-sim demo fleet (tkg-01 attached): a run stores
 * its findings, the demo's deliberate problems are found through the findings filters, a fix on the
 * cluster shows as fixed in the diff of the next run, history/trend/export/schedules answer, and
 * conformance without the sonobuoy CLI says so while a results tarball still imports.
 */

let sim: SimHandle;
let core: AppCore;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inspections-it-'));
const finished: Array<{ runId: string; status: string }> = [];
const progress: Array<{ runId: string; phase: string }> = [];
let clusterId = '';

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await core.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function refused(name: string, input: unknown): Promise<{ code: string; message: string }> {
  const result = await core.router.dispatch(name, input);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error;
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function inspect(): Promise<string> {
  const { runId } = await call<{ runId: string }>('inspections.run', {
    scope: { kind: 'cluster', id: clusterId },
  });
  await until('the run to finish', async () => finished.find((f) => f.runId === runId));
  return runId;
}

const findings = (runId: string, filters: Record<string, unknown>) =>
  call<FindingPage>('inspections.findings', { runId, filters, limit: 1000 });

beforeAll(async () => {
  sim = await startSim({ outDir: path.join(tmp, 'sim'), demo: true });
  core = createAppCore({
    dataDir: path.join(tmp, 'data'),
    shell: 'web',
    log: createLogger({ quiet: true }),
  });
  core.events.subscribe((name, payload) => {
    if (name === 'inspections.finished') finished.push(payload as { runId: string; status: string });
    if (name === 'inspections.progress') progress.push(payload as { runId: string; phase: string });
  });
  const inspection = await call<Inspection>('kubeconfig.inspect', { paths: [sim.kubeconfigPath] });
  const ctx = inspection.contexts.find((c) => c.ok && c.name === 'tkg-01')!;
  const attached = await call<{ results: Array<{ ok: boolean; clusterId?: string }> }>('clusters.attach', {
    importId: inspection.importId,
    items: [{ context: ctx.key, name: 'tkg-01' }],
  });
  clusterId = attached.results[0]!.clusterId!;
  // Every cached kind has listed once (an inspection judges what the cache holds).
  await until('the cache to sync', async () => {
    const r = await core.router.dispatch('objects.status', { cluster: clusterId });
    const status = r.ok ? (r.value as Array<{ state: string }> | { state: string }) : undefined;
    const states = Array.isArray(status) ? status.map((x) => x.state) : [status?.state];
    return states.length > 0 && states.every((x) => x === 'synced') ? true : undefined;
  });
}, 90_000);

afterAll(async () => {
  await core?.close();
  await sim?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('inspections over the demo fleet', () => {
  let first = '';

  it('a run stores findings; the deliberate problems are found through the filters', async () => {
    first = await inspect();
    expect(finished.find((f) => f.runId === first)!.status).toBe('done');
    expect(progress.filter((p) => p.runId === first).map((p) => p.phase)).toContain('inspecting');
    const run = await call<InspectionRunDetail>('inspections.get', { runId: first });
    expect(run).toMatchObject({ status: 'done', kind: 'lite', label: 'Cluster tkg-01' });
    expect(run.objects).toBeGreaterThan(50);
    expect(run.score).toBeGreaterThan(0);
    expect(run.score).toBeLessThan(100);
    expect(run.byCluster.map((c) => c.label)).toEqual(['tkg-01']);
    expect(run.byNamespace.some((n) => n.namespace === 'shop')).toBe(true);

    const cases: Array<[string, string, string]> = [
      ['runAsPrivileged', 'Deployment', 'legacy-importer'],
      ['pss.privileged', 'Deployment', 'legacy-importer'],
      ['tagNotSpecified', 'Deployment', 'recommendations'],
      ['cpuLimitsMissing', 'Deployment', 'catalog'],
      ['health.serviceSelectsNoPods', 'Service', 'promo'],
    ];
    for (const [checkId, kind, name] of cases) {
      const page = await findings(first, { checkId: [checkId], kind: [kind], text: name });
      expect(
        page.items.some((f) => f.name === name && f.namespace === 'shop' && f.cluster === clusterId),
        `${checkId} on ${kind} ${name}`,
      ).toBe(true);
    }
    const priv = (await findings(first, { checkId: ['runAsPrivileged'], text: 'legacy-importer' })).items[0]!;
    expect(priv.path).toBe('spec.template.spec.containers[0].securityContext.privileged');
    // The finding opens its object.
    const obj = await core.router.dispatch('objects.get', {
      source: priv.source,
      cluster: priv.cluster,
      group: priv.group,
      version: priv.version,
      kind: priv.kind,
      namespace: priv.namespace,
      name: priv.name,
    });
    expect(obj.ok).toBe(true);
  }, 60_000);

  it('after a fix on the cluster, the next run shows it as fixed in the diff', async () => {
    await promisify(execFile)('kubectl', [
      '--kubeconfig',
      sim.kubeconfigPath,
      '--context',
      'tkg-01',
      '-n',
      'shop',
      'patch',
      'deployment',
      'legacy-importer',
      '--type=json',
      '-p',
      '[{"op":"replace","path":"/spec/template/spec/containers/0/securityContext/privileged","value":false}]',
    ]);
    await until('the cache to see the fix', async () => {
      const r = await core.router.dispatch('objects.get', {
        source: 'live',
        cluster: clusterId,
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'legacy-importer',
      });
      const o = r.ok
        ? (r.value as {
            object: {
              spec: {
                template: { spec: { containers: Array<{ securityContext: { privileged: boolean } }> } };
              };
            };
          })
        : undefined;
      return o?.object.spec.template.spec.containers[0]!.securityContext.privileged === false
        ? true
        : undefined;
    });
    const second = await inspect();
    const diff = await call<InspectionDiff>('inspections.diff', {
      a: first,
      b: second,
      status: 'fixed',
      filters: { text: 'legacy-importer' },
    });
    expect(diff.page.items.some((f) => f.checkId === 'runAsPrivileged' && f.name === 'legacy-importer')).toBe(
      true,
    );
    expect(diff.page.items.some((f) => f.checkId === 'pss.privileged')).toBe(true);
    expect(diff.counts.fixed).toBeGreaterThanOrEqual(2);
    const unchanged = await call<InspectionDiff>('inspections.diff', {
      a: first,
      b: second,
      status: 'unchanged',
      filters: { checkId: ['tagNotSpecified'] },
    });
    expect(unchanged.page.items.some((f) => f.name === 'recommendations')).toBe(true);

    const scope = { kind: 'cluster', id: clusterId };
    const list = await call<InspectionRunSummary[]>('inspections.list', { scope });
    expect(list.map((r) => r.id)).toEqual([second, first]);
    expect((await call<InspectionRunSummary>('inspections.latest', { scope })).id).toBe(second);
    const trend = await call<TrendPoint[]>('inspections.trend', { scope });
    expect(trend.map((p) => p.runId)).toEqual([first, second]);
    expect(trend[1]!.danger).toBeLessThan(trend[0]!.danger);
  }, 90_000);

  it('exports JSON, CSV and HTML, to text or a file', async () => {
    const json = await call<{ text: string; fileName: string }>('inspections.export', {
      runId: first,
      format: 'json',
    });
    expect(json.fileName).toMatch(/^inspection-cluster-tkg-01-\d{4}-\d\d-\d\d\.json$/);
    const parsed = JSON.parse(json.text) as { findings: Array<{ checkId: string }>; score: number };
    const run = await call<InspectionRunSummary>('inspections.get', { runId: first });
    expect(parsed.findings).toHaveLength(run.findings);
    expect(parsed.score).toBe(run.score);
    const csv = await call<{ text: string }>('inspections.export', { runId: first, format: 'csv' });
    expect(csv.text.trim().split('\n')).toHaveLength(run.findings + 1);
    const file = path.join(tmp, 'report.html');
    const html = await call<{ path: string }>('inspections.export', {
      runId: first,
      format: 'html',
      path: file,
    });
    expect(html.path).toBe(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('legacy-importer');
    expect(text).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });

  it('config per scope: a check turned off is not run next time; unknown ids are refused', async () => {
    const scope = { kind: 'cluster', id: clusterId };
    const config = await call<{ checks: Record<string, unknown> }>('inspections.config.get', { scope });
    expect(config.checks).toEqual({});
    await call('inspections.config.set', {
      scope,
      config: {
        ...config,
        checks: { tagNotSpecified: { enabled: false } },
        exemptions: [{ namespaces: ['monitoring'], reason: 'vendor charts' }],
      },
    });
    const third = await inspect();
    expect((await findings(third, { checkId: ['tagNotSpecified'] })).total).toBe(0);
    expect((await findings(third, { namespace: ['monitoring'] })).total).toBe(0);
    expect((await findings(first, { namespace: ['monitoring'] })).total).toBeGreaterThan(0);
    const bad = await refused('inspections.config.set', {
      scope,
      config: { ...config, checks: { noSuchCheck: { enabled: false } } },
    });
    expect(bad.message).toContain('unknown check id noSuchCheck');
  }, 60_000);

  it('schedules: saved with their next run; bad times refused', async () => {
    const s = await call<InspectionSchedule>('inspections.schedules.set', {
      scope: { kind: 'fleet' },
      every: { kind: 'daily', at: '03:00' },
      enabled: true,
    });
    expect(s.label).toBe('Fleet');
    expect(new Date(s.nextRunAt!).getHours()).toBe(3);
    expect(await call<InspectionSchedule[]>('inspections.schedules.list', {})).toHaveLength(1);
    const bad = await refused('inspections.schedules.set', {
      scope: { kind: 'fleet' },
      every: { kind: 'daily', at: '25:00' },
      enabled: true,
    });
    expect(bad.code).toBe('INVALID_ARGUMENT');
    expect(await call('inspections.schedules.delete', { id: s.id })).toEqual({ deleted: true });
  });

  it('a snapshot source is inspected from its file', async () => {
    const view = await call<{ id: string; label: string }>('snapshots.openSample', {});
    const { runId } = await call<{ runId: string }>('inspections.run', {
      scope: { kind: 'source', source: view.id },
    });
    await until('the snapshot run to finish', async () => finished.find((f) => f.runId === runId));
    const run = await call<InspectionRunDetail>('inspections.get', { runId });
    expect(run).toMatchObject({ status: 'done', label: view.label, scopeKey: `source:${view.id}` });
    const priv = await findings(runId, { checkId: ['runAsPrivileged'], text: 'legacy-importer' });
    expect(priv.items.length).toBeGreaterThan(0);
    expect(priv.items.every((f) => f.source === view.id)).toBe(true);
    // A source has its own history, apart from the live cluster's.
    const history = await call<InspectionRunSummary[]>('inspections.list', {
      scope: { kind: 'source', source: view.id },
    });
    expect(history.map((r) => r.id)).toEqual([runId]);
  }, 60_000);

  it('unknown runs and scopes are named', async () => {
    expect((await refused('inspections.get', { runId: 'nope' })).message).toContain('nope');
    const r = await refused('inspections.run', { scope: { kind: 'cluster', id: 'gone' } });
    expect(r).toMatchObject({ code: 'NOT_FOUND', message: 'Cluster gone is not attached' });
  });

  it('conformance: without the sonobuoy CLI a run is refused with what to do; a tarball imports', async () => {
    const available = await call<{ available: boolean; message: string }>('conformance.available', {});
    expect(available.available).toBe(false);
    expect(available.message).toContain('not on PATH');
    const run = await refused('conformance.run', { cluster: clusterId, mode: 'quick' });
    expect(run.code).toBe('UNAVAILABLE');
    // A retrieve-layout archive (see conformance.test.ts for the format).
    const root = path.join(tmp, 'sono');
    fs.mkdirSync(path.join(root, 'plugins/e2e/results/global'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'plugins/e2e/results/global/junit_01.xml'),
      '<testsuites><testsuite name="e2e"><testcase name="a [Conformance]"/><testcase name="b [Conformance]"><failure message="boom">trace</failure></testcase></testsuite></testsuites>',
    );
    const tarball = path.join(tmp, '202612042300_sonobuoy_1.tar.gz');
    await promisify(execFile)('tar', ['-czf', tarball, '-C', root, '.']);
    const imported = await call<ConformanceResult>('conformance.import', { path: tarball });
    expect(imported.plugins).toEqual([
      {
        name: 'e2e',
        status: 'failed',
        passed: 1,
        failed: 1,
        skipped: 0,
        tests: [
          { name: 'b [Conformance]', status: 'failed', message: 'boom\n\ntrace' },
          { name: 'a [Conformance]', status: 'passed' },
        ],
      },
    ]);
    expect((await call<ConformanceResult>('conformance.get', { id: imported.id })).plugins).toEqual(
      imported.plugins,
    );
    const b64 = await call<ConformanceResult>('conformance.import', {
      name: 'x.tar.gz',
      dataBase64: fs.readFileSync(tarball).toString('base64'),
    });
    expect(b64.cluster).toBe('x.tar.gz');
    const list = await call<Array<{ id: string; failed: number }>>('conformance.list', {});
    expect(list.map((c) => c.failed)).toEqual([1, 1]);
    const bad = await refused('conformance.import', { name: 'junk.tar.gz', dataBase64: 'aGVsbG8=' });
    expect(bad.message).toContain('junk.tar.gz');
  });
});
