import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import { openDatabase } from '../../store/db';
import { createSourceStore } from '../../store/sources';
import { openCommand } from './snapshot-open';
import { snapshotCommand } from './snapshot';

/** `flotilla snapshot capture|info` and `flotilla open --no-start` against kube-sim. */

let sim: SimHandle;
let dir: string;

async function run(cmd: typeof snapshotCommand, argv: string[]) {
  let out = '';
  let err = '';
  const code = await cmd(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-cli-snap-'));
  sim = await startSim({ outDir: path.join(dir, 'sim'), clusters: 2, nodes: 2, pods: 20, seed: 11 });
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('flotilla snapshot', () => {
  const file = () => path.join(dir, 'all.flotilla');

  it('capture --all writes every context, with the counts the clusters report', async () => {
    const r = await run(snapshotCommand, [
      'capture',
      '--kubeconfig',
      sim.kubeconfigPath,
      '--all',
      '-o',
      file(),
      '--include-events',
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const meta = JSON.parse(r.out) as {
      clusters: Array<{ name: string; nodes: number; version: string; kinds: Record<string, number> }>;
      includes: { events: boolean; secretValues: boolean };
    };
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    const contexts = kc.getContexts().map((c) => c.name);
    expect(meta.clusters.map((c) => c.name).sort()).toEqual([...contexts].sort());
    expect(meta.includes).toMatchObject({ events: true, secretValues: false });
    const first = meta.clusters.find((c) => c.name === sim.clusters[0]!.name)!;
    kc.setCurrentContext(first.name);
    const api = kc.makeApiClient(CoreV1Api);
    const [nodes, namespaces] = await Promise.all([api.listNode(), api.listNamespace()]);
    expect(first.nodes).toBe(nodes.items.length);
    expect(first.kinds.Namespace).toBe(namespaces.items.length);
    expect(first.version).toMatch(/^v1\./);
  }, 120_000);

  it('info prints the metadata, as text and as JSON', async () => {
    const text = await run(snapshotCommand, ['info', file()]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(sim.clusters[0]!.name);
    expect(text.out).toMatch(/objects of \d+ clusters, taken/);
    const json = await run(snapshotCommand, ['info', file(), '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ format: 'flotilla-snapshot', formatVersion: 1 });
  });

  it('exit codes: 2 for usage, 1 for a file that is not a snapshot', async () => {
    expect(
      (await run(snapshotCommand, ['capture', '--all', '-o', 'x.flotilla', '--context', 'a'])).code,
    ).toBe(2);
    expect((await run(snapshotCommand, ['capture', '--all'])).code).toBe(2);
    expect((await run(snapshotCommand, ['frobnicate'])).code).toBe(2);
    const bogus = path.join(dir, 'bogus.flotilla');
    fs.writeFileSync(bogus, 'not a snapshot\n');
    const r = await run(snapshotCommand, ['info', bogus]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(bogus);
    const missing = await run(snapshotCommand, [
      'capture',
      '--kubeconfig',
      sim.kubeconfigPath,
      '--context',
      'no-such-context',
      '-o',
      path.join(dir, 'n.flotilla'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no-such-context');
  });

  it('open --no-start records the snapshot as open in the data folder', async () => {
    const dataDir = path.join(dir, 'data');
    const r = await run(openCommand, [file(), '--data-dir', dataDir, '--no-start']);
    expect(r.code).toBe(0);
    const db = openDatabase(path.join(dataDir, 'flotilla.db'));
    try {
      const records = createSourceStore(db).all();
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ kind: 'snapshot', path: file() });
    } finally {
      db.close();
    }
    const bad = await run(openCommand, [
      path.join(dir, 'bogus.flotilla'),
      '--data-dir',
      dataDir,
      '--no-start',
    ]);
    expect(bad.code).toBe(1);
  });
});
