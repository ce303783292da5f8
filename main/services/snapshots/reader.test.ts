import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRow } from '../../store/object-row';
import { FORMAT_NAME, FORMAT_VERSION, SnapshotError, type SnapshotMeta } from './format';
import { openSnapshot, openSnapshotReader } from './reader';
import { createSnapshotWriter, type SnapshotRow } from './writer';

/** Files from elsewhere are untrusted: every broken kind is refused with a message naming the file. */

let dir: string;
let good: string;

const meta = (over: Partial<SnapshotMeta> = {}): SnapshotMeta => ({
  format: FORMAT_NAME,
  formatVersion: FORMAT_VERSION,
  takenAt: '2026-12-01T10:00:00.000Z',
  flotillaVersion: '0.0.0-test',
  scope: 'cluster c1',
  clusters: [
    { name: 'c1', group: 'g', provider: 'kind', version: 'v1.30.0', nodes: 1, objects: 3, kinds: {} },
  ],
  kinds: ['ConfigMap', 'Node', 'Pod'],
  objects: 3,
  includes: { secretValues: false, events: false, metrics: false, logs: false },
  ...over,
});

function row(kind: string, name: string, namespace = ''): SnapshotRow {
  const { source: _s, ...r } = toRow({
    source: 'x',
    cluster: 'c1',
    group: '',
    version: 'v1',
    kind,
    object: { metadata: { name, namespace, labels: { app: name } } },
  });
  return r;
}

function write(file: string, m: SnapshotMeta = meta()): string {
  const w = createSnapshotWriter(file);
  w.add([row('Node', 'n1'), row('Pod', 'web-1', 'shop'), row('ConfigMap', 'cfg', 'shop')]);
  w.finish(m);
  return file;
}

const expectRefused = (file: string, problem: SnapshotError['problem'], text: RegExp) => {
  let caught: unknown;
  try {
    openSnapshot(file).close();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(SnapshotError);
  const e = caught as SnapshotError;
  expect(e.problem).toBe(problem);
  expect(e.message).toContain(file);
  expect(e.message).toMatch(text);
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-snapreader-'));
  good = write(path.join(dir, 'good.flotilla'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openSnapshot', () => {
  it('opens a good file and serves its rows under the source it is given', () => {
    const snap = openSnapshot(good, 'snapshot:abc');
    try {
      expect(snap.meta.clusters[0]!.name).toBe('c1');
      expect(snap.store.countBy({ source: 'whatever' }, 'kind')).toEqual({ ConfigMap: 1, Node: 1, Pod: 1 });
      const page = snap.store.page({ source: 'snapshot:abc', labelSelector: 'app=web-1' });
      expect(page.items.map((i) => [i.source, i.name])).toEqual([['snapshot:abc', 'web-1']]);
    } finally {
      snap.close();
    }
  });

  it('gives diff an ObjectReader and the metadata', () => {
    const r = openSnapshotReader(good);
    try {
      expect(
        [...r.reader.iterate({ kinds: ['Pod'] })].map((o) => `${o.source}/${o.cluster}/${o.name}`),
      ).toEqual(['snapshot/c1/web-1']);
      expect(r.reader.count({})).toBe(3);
      expect(r.meta.scope).toBe('cluster c1');
    } finally {
      r.close();
    }
  });

  it('refuses a missing file', () =>
    expectRefused(path.join(dir, 'nope.flotilla'), 'missing', /does not exist/));

  it('refuses an empty file, a text file, a zip', () => {
    const empty = path.join(dir, 'empty.flotilla');
    fs.writeFileSync(empty, '');
    expectRefused(empty, 'not-sqlite', /empty/);
    const text = path.join(dir, 'text.flotilla');
    fs.writeFileSync(text, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n');
    expectRefused(text, 'not-sqlite', /text file/);
    const zip = path.join(dir, 'zip.flotilla');
    fs.writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(200)]));
    expectRefused(zip, 'not-sqlite', /zip archive/);
  });

  it('refuses a truncated file', () => {
    const cut = path.join(dir, 'cut.flotilla');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefused(cut, 'truncated', /truncated/);
  });

  it('refuses a file with damaged pages', () => {
    const bad = path.join(dir, 'corrupt.flotilla');
    const bytes = Buffer.from(fs.readFileSync(good));
    // overwrite everything after the first page with garbage: the header still looks right
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 131) & 0xff;
    fs.writeFileSync(bad, bytes);
    expectRefused(bad, 'corrupt', /damaged/);
  });

  it('refuses a foreign SQLite database', () => {
    const other = path.join(dir, 'other.db');
    const db = new Database(other);
    db.exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('x')");
    db.close();
    expectRefused(other, 'not-snapshot', /not a Flotilla snapshot/);
  });

  it('refuses a file from a newer Flotilla', () => {
    const newer = write(path.join(dir, 'newer.flotilla'), meta({ formatVersion: FORMAT_VERSION + 1 }));
    expectRefused(newer, 'too-new', new RegExp(`format ${FORMAT_VERSION + 1}.*up to ${FORMAT_VERSION}`));
  });

  it('refuses metadata that does not fit, naming the field', () => {
    const file = write(path.join(dir, 'badmeta.flotilla'));
    const db = new Database(file);
    db.prepare("UPDATE snapshot_meta SET value = ? WHERE key = 'clusters'").run(
      JSON.stringify([{ name: 3 }]),
    );
    db.close();
    expectRefused(file, 'invalid', /clusters\.0\.name/);
    const db2 = new Database(file);
    db2
      .prepare("UPDATE snapshot_meta SET value = ? WHERE key = 'clusters'")
      .run("'); DROP TABLE objects; --");
    db2.close();
    expectRefused(file, 'invalid', /not valid JSON/);
    const db3 = new Database(file);
    db3
      .prepare("UPDATE snapshot_meta SET value = ? WHERE key = 'clusters'")
      .run(`[${'0,'.repeat(5_000_000)}0]`);
    db3.close();
    expectRefused(file, 'invalid', /"clusters" is missing or too large/);
  });

  it('reads cluster labels when a file has them, and refuses labels that are not strings', () => {
    const c1 = meta().clusters[0]!;
    const labelled = write(
      path.join(dir, 'labels.flotilla'),
      meta({ clusters: [{ ...c1, labels: { env: 'prod' } }] }),
    );
    const open = openSnapshot(labelled);
    expect(open.meta.clusters[0]!.labels).toEqual({ env: 'prod' });
    open.close();
    // a file without them (written before labels were recorded) opens with none
    const early = openSnapshot(good);
    expect(early.meta.clusters[0]!.labels).toBeUndefined();
    early.close();
    const bad = write(path.join(dir, 'badlabels.flotilla'));
    const db = new Database(bad);
    db.prepare("UPDATE snapshot_meta SET value = ? WHERE key = 'clusters'").run(
      JSON.stringify([{ ...c1, labels: { env: 7 } }]),
    );
    db.close();
    expectRefused(bad, 'invalid', /clusters\.0\.labels\.env/);
  });

  it('a failed writer leaves nothing behind', () => {
    const target = path.join(dir, 'aborted.flotilla');
    const w = createSnapshotWriter(target);
    w.add([row('Node', 'n1')]);
    w.abort();
    expect(fs.readdirSync(dir).filter((f) => f.includes('aborted'))).toEqual([]);
  });
});
