import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/objects/types';
import { toRow } from '../../store/object-row';
import { FORMAT_NAME, FORMAT_VERSION, type SnapshotMeta } from '../../services/snapshots/format';
import { createSnapshotWriter } from '../../services/snapshots/writer';
import { snapshotDiff } from './snapshot-diff';

// Two real .flotilla files written by the snapshot writer, around a known change.
let dir: string;
let monday: string;
let tuesday: string;

const meta: SnapshotMeta = {
  format: FORMAT_NAME,
  formatVersion: FORMAT_VERSION,
  takenAt: '2026-12-01T10:00:00.000Z',
  flotillaVersion: '0.0.0-test',
  scope: 'cluster tkg-01',
  clusters: [
    {
      name: 'tkg-01',
      group: 'prod',
      provider: 'vsphere',
      version: 'v1.30.0',
      nodes: 0,
      objects: 2,
      kinds: {},
    },
  ],
  kinds: ['ConfigMap', 'Deployment'],
  objects: 2,
  includes: { secretValues: false, events: false, metrics: false, logs: false },
};

const deploy = (replicas: number, rv: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', resourceVersion: rv },
  spec: { replicas },
});
const cm = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'shop' },
});

function write(file: string, objects: KubeObject[]): string {
  const w = createSnapshotWriter(file);
  w.add(
    objects.map((object) => {
      const [group, version] = object.apiVersion!.includes('/') ? object.apiVersion!.split('/') : ['', 'v1'];
      const { source: _s, ...row } = toRow({
        source: 'x',
        cluster: 'tkg-01',
        group: group!,
        version: version!,
        kind: object.kind!,
        object,
      });
      return row;
    }),
  );
  w.finish(meta);
  return file;
}

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = snapshotDiff(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-snapdiff-'));
  monday = write(path.join(dir, 'monday.flotilla'), [deploy(2, '10'), cm('old')]);
  tuesday = write(path.join(dir, 'tuesday.flotilla'), [deploy(5, '44'), cm('new')]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('flotilla snapshot diff', () => {
  it('prints the summary and each change, and exits 1 when the files differ', () => {
    const r = run([monday, tuesday]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('1 added, 1 removed, 1 changed');
    expect(r.out).toContain('~ tkg-01 Deployment shop/web  (spec.replicas)');
    expect(r.out).toContain('+ tkg-01 ConfigMap shop/new');
    expect(r.out).toContain('- tkg-01 ConfigMap shop/old');
  });

  it('gives JSON for CI, narrowed by kind', () => {
    const r = run([monday, tuesday, '--json', '--kind', 'Deployment']);
    const d = JSON.parse(r.out) as { totals: unknown; changes: Array<{ fields: string[] }> };
    expect(d.totals).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(d.changes[0]!.fields).toEqual(['spec.replicas']);
  });

  it('exits 0 for a file against itself', () => {
    expect(run([monday, monday]).code).toBe(0);
  });

  it('exits 2 naming a file that is not a snapshot', () => {
    const text = path.join(dir, 'notes.flotilla');
    fs.writeFileSync(text, 'hello\n');
    const r = run([monday, text]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(text);
    expect(r.err).toMatch(/text file/);
  });

  it('exits 2 on a usage error', () => {
    expect(run([monday]).code).toBe(2);
    expect(run([monday, tuesday, '--bogus']).code).toBe(2);
  });
});
