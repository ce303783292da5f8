import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { startSim, type SimHandle } from '../../../sim/index';
import { exportCommand, importCommand } from './manifests';
import { snapshotCommand } from './snapshot';

const corpus = path.resolve(__dirname, '../../../../shared/corpus');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-manifests-'));

async function run(cmd: typeof importCommand, argv: string[]) {
  let out = '';
  let err = '';
  const code = await cmd(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('flotilla import', () => {
  it('prints the inventory and exits 0 for clean manifests', async () => {
    const r = await run(importCommand, [
      path.join(corpus, 'online-boutique/release/kubernetes-manifests.yaml'),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Deployment\s+default\s+12$/m);
    expect(r.out).toMatch(/^35 objects from 1 files$/m);
    expect(r.err).toBe('');
  });

  it('JSON with every error as file:line:column, exit 1', async () => {
    const r = await run(importCommand, [path.join(corpus, 'k8s-examples'), '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as {
      objects: number;
      issues: Array<{ file: string; line?: number; level: string }>;
    };
    const dups = json.issues.filter((i) =>
      /already defined/.test((i as { message?: string }).message ?? ''),
    ).length;
    expect(json.objects + dups).toBe(276);
    const errorFiles = new Set(json.issues.filter((i) => i.level === 'error').map((i) => i.file));
    expect(errorFiles.size).toBe(12);
    const text = await run(importCommand, [
      path.join(corpus, 'k8s-examples/_archived/volumes/scaleio/sc-pvc.yaml'),
    ]);
    expect(text.code).toBe(1);
    expect(text.err).toMatch(/sc-pvc\.yaml:\d+:\d+: error: /);
  });

  it('usage errors exit 2', async () => {
    expect((await run(importCommand, [])).code).toBe(2);
    expect((await run(importCommand, [path.join(tmp, 'missing.yaml')])).code).toBe(2);
  });
});

describe('flotilla export --context', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSim({ outDir: path.join(tmp, 'sim'), clusters: 1, nodes: 1, pods: 0 });
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes one clean file for a namespace, and refuses a non-empty folder', async () => {
    const ctx = sim.clusters[0]!.name;
    const file = path.join(tmp, 'out', 'kube-system.yaml');
    const r = await run(exportCommand, [
      '--context',
      ctx,
      '--kubeconfig',
      sim.kubeconfigPath,
      '-n',
      'kube-system',
      '-o',
      file,
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { objects: number; files: Array<{ path: string }> };
    expect(summary.files).toEqual([{ path: file, objects: summary.objects }]);
    const docs = parseAllDocuments(fs.readFileSync(file, 'utf8')).map(
      (d) => d.toJS() as { kind: string; metadata: Record<string, unknown> },
    );
    expect(docs).toHaveLength(summary.objects);
    expect(docs[0]).toMatchObject({ kind: 'Namespace', metadata: { name: 'kube-system' } });
    for (const d of docs) expect(d.metadata.uid).toBeUndefined();

    fs.mkdirSync(path.join(tmp, 'full'));
    fs.writeFileSync(path.join(tmp, 'full', 'x'), '');
    const refused = await run(exportCommand, [
      '--context',
      ctx,
      '--kubeconfig',
      sim.kubeconfigPath,
      '-n',
      'default',
      '--layout',
      'folder',
      '-o',
      path.join(tmp, 'full'),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is not empty/);
  }, 60_000);

  it('--snapshot: exports a namespace of a captured snapshot as a folder', async () => {
    const ctx = sim.clusters[0]!.name;
    const snap = path.join(tmp, 'fleet.flotilla');
    const captured = await run(snapshotCommand, [
      'capture',
      '--kubeconfig',
      sim.kubeconfigPath,
      '--context',
      ctx,
      '-o',
      snap,
    ]);
    expect(captured.code).toBe(0);
    const folder = path.join(tmp, 'from-snapshot');
    const r = await run(exportCommand, [
      '--snapshot',
      snap,
      '-n',
      'kube-system',
      '--layout',
      'folder',
      '-o',
      folder,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^wrote \d+ objects to /);
    expect(fs.readdirSync(folder)).toEqual(['kube-system']);
    expect(fs.readdirSync(path.join(folder, 'kube-system'))[0]).toBe('00-namespace-kube-system.yaml');
    const bad = await run(exportCommand, [
      '--snapshot',
      path.join(tmp, 'nope.flotilla'),
      '-o',
      path.join(tmp, 'z.yaml'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/nope\.flotilla/);
  }, 60_000);

  it('usage: one source, a known context, a place to write', async () => {
    expect((await run(exportCommand, ['-o', 'x.yaml'])).code).toBe(2);
    const r = await run(exportCommand, [
      '--context',
      'nope',
      '--kubeconfig',
      sim.kubeconfigPath,
      '-o',
      path.join(tmp, 'y.yaml'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no context named "nope"/);
    expect((await run(exportCommand, ['--context', 'x', '--layout', 'folder', '-o', '-'])).code).toBe(2);
  });
});
