import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import type { JsonReport } from '../../services/inspection/report/render';
import { inspectCommand } from './inspect';
import { snapshotCommand } from './snapshot';

/**
 * `flotilla inspect --context` (reads the cluster directly) and `--snapshot` (a .flotilla file,
 * read-only) against the kube-sim demo fleet: the deliberate problems of tkg-01 are found both
 * ways, and the best-practice and Pod Security findings of the two agree.
 */

let sim: SimHandle;
let dir: string;

async function run(cmd: typeof inspectCommand, argv: string[]) {
  let out = '';
  let err = '';
  const code = await cmd(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-cli-inspect-'));
  sim = await startSim({ outDir: path.join(dir, 'sim'), demo: true });
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const key = (f: JsonReport['findings'][number]) =>
  `${f.checkId} ${f.object.kind} ${f.object.namespace}/${f.object.name} ${f.path}`;
const found = (r: JsonReport, checkId: string, name: string) =>
  r.findings.some((f) => f.checkId === checkId && f.object.name === name);

describe('flotilla inspect --context / --snapshot', () => {
  let live: JsonReport;

  it('--context reads the cluster and finds its deliberate problems; --fail-on danger exits 1', async () => {
    const r = await run(inspectCommand, [
      '--context',
      'tkg-01',
      '--kubeconfig',
      sim.kubeconfigPath,
      '--format',
      'json',
      '--fail-on',
      'danger',
    ]);
    expect(r.code).toBe(1);
    live = JSON.parse(r.out) as JsonReport;
    expect(live.subject).toMatch(/^context tkg-01 \(v1\.28\.7\+vmware\.1\)$/);
    expect(found(live, 'runAsPrivileged', 'legacy-importer')).toBe(true);
    expect(found(live, 'pss.privileged', 'legacy-importer')).toBe(true);
    expect(found(live, 'tagNotSpecified', 'recommendations')).toBe(true);
    expect(found(live, 'health.serviceSelectsNoPods', 'promo')).toBe(true);
    expect(live.findings.some((f) => f.checkId === 'health.kubernetesVersionUnsupported')).toBe(true);
    const only = await run(inspectCommand, [
      '--context',
      'tkg-01',
      '--kubeconfig',
      sim.kubeconfigPath,
      '--checks',
      'pss-baseline',
      '--format',
      'json',
    ]);
    expect(only.code).toBe(0);
    const ids = (JSON.parse(only.out) as JsonReport).findings.map((f) => f.checkId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('pss.'))).toBe(true);
  }, 60_000);

  it('--snapshot inspects a captured file with the same best-practice and Pod Security findings', async () => {
    const file = path.join(dir, 'tkg.flotilla');
    const cap = await run(snapshotCommand, [
      'capture',
      '--kubeconfig',
      sim.kubeconfigPath,
      '--context',
      'tkg-01',
      '-o',
      file,
      '--include-events',
    ]);
    expect(cap.err).toBe('');
    expect(cap.code).toBe(0);
    const r = await run(inspectCommand, [
      '--snapshot',
      file,
      '--format',
      'json',
      '--checks',
      'polaris,pss-restricted',
    ]);
    expect(r.code).toBe(0);
    const snap = JSON.parse(r.out) as JsonReport;
    expect(snap.subject).toContain(file);
    expect(found(snap, 'runAsPrivileged', 'legacy-importer')).toBe(true);
    const notHealth = (rep: JsonReport) =>
      rep.findings
        .filter((f) => !f.checkId.startsWith('health.'))
        .map(key)
        .sort();
    expect(notHealth(snap)).toEqual(notHealth(live));
  }, 90_000);

  it('an unknown context is named (exit 2)', async () => {
    const r = await run(inspectCommand, ['--context', 'nope', '--kubeconfig', sim.kubeconfigPath]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no context named "nope"');
  });
});
