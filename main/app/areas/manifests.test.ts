import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/contract/sources';
import type { Result } from '../../../shared/contract/result';
import { createRouter, type Handlers } from '../../ipc/router';
import { createLogger } from '../../services/log';
import { createObjectStore, type ObjectStore } from '../../store/objects';
import { applyObjectSchema } from '../../store/objects-schema';
import os from 'node:os';
import { createSourceRegistry } from '../../services/snapshots/registry';
import { openDatabase } from '../../store/db';
import { createSourceStore } from '../../store/sources';
import { createManifestsArea } from './manifests';

/**
 * 'manifests.import' through the router: every corpus folder becomes a virtual cluster in the
 * object cache with the importer's exact counts, the broken files are reported with file, line and
 * column, dropped text files import the same way, and 'export.yaml' reads an import back.
 */
const corpus = path.resolve(__dirname, '../../../../shared/corpus');
let db: Database.Database;
let store: ObjectStore;
let call: (name: string, input: unknown) => Promise<Result<unknown>>;

beforeAll(() => {
  db = new Database(':memory:');
  applyObjectSchema(db);
  store = createObjectStore(db);
  const area = createManifestsArea({
    log: createLogger({ quiet: true }),
    store,
    kubeConfigFor: () => undefined,
  });
  const router = createRouter(area.handlers as unknown as Handlers, createLogger({ quiet: true }));
  call = (n, input) => router.dispatch(n, input);
});
afterAll(() => db.close());

async function ok<T>(name: string, input: unknown): Promise<T> {
  const r = await call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const corpusCases = [
  { dir: 'online-boutique', objects: 93, errorFiles: 0 },
  { dir: 'acme-fitness', objects: 31, errorFiles: 0 },
  { dir: 'aks-store-demo', objects: 57, errorFiles: 0 },
  { dir: 'k8s-examples', objects: 276, errorFiles: 12 },
  { dir: 'kubectl/testdata', objects: 38, errorFiles: 0 },
];

describe('manifests.import', () => {
  it.each(corpusCases)('$dir: $objects objects, $errorFiles files with errors', async (c) => {
    const res = await ok<ImportResult>('manifests.import', { paths: [path.join(corpus, c.dir)] });
    const duplicates = res.issues.filter((i) => /already defined/.test(i.message)).length;
    const total = res.inventory.reduce((n, r) => n + r.count, 0);
    expect(total + duplicates).toBe(c.objects);
    expect(res.source.objects).toBe(total);
    expect(res.source.id).toMatch(/^manifests:[0-9a-f]{12}$/);
    expect(res.source.label).toBe(path.basename(c.dir));
    // every object is in the cache under the new source, as a cluster named after the folder
    expect(store.count({ source: res.source.id })).toBe(total);
    expect(store.count({ source: res.source.id, clusters: [res.source.label] })).toBe(total);
    const errorFiles = new Set(res.issues.filter((i) => i.level === 'error').map((i) => i.file));
    expect(errorFiles.size).toBe(c.errorFiles);
  });

  it('names file, line and column of the broken corpus files', async () => {
    const res = await ok<ImportResult>('manifests.import', {
      paths: [path.join(corpus, 'k8s-examples/_archived/openshift-origin')],
    });
    const dup = res.issues.find((i) => i.file === 'openshift-origin/etcd-controller.yaml');
    expect(dup).toMatchObject({ level: 'error' });
    expect(dup!.line).toBeGreaterThan(0);
    expect(dup!.column).toBeGreaterThan(0);
    expect(dup!.message).toMatch(/unique|duplicate/i);
    const tpl = await ok<ImportResult>('manifests.import', {
      paths: [path.join(corpus, 'k8s-examples/_archived/storage/vitess/etcd-service-template.yaml')],
    });
    expect(tpl.issues[0]).toMatchObject({ file: 'etcd-service-template.yaml', level: 'error' });
    expect(tpl.issues[0]!.line).toBeGreaterThan(0);
  });

  it('imports dropped text files as the folder they came from; valid documents survive a broken one', async () => {
    const dir = path.join(corpus, 'online-boutique/kubernetes-manifests');
    const files = fs.readdirSync(dir).map((f) => ({
      name: `kubernetes-manifests/${f}`,
      text: fs.readFileSync(path.join(dir, f), 'utf8'),
    }));
    files.push({
      name: 'kubernetes-manifests/broken.yaml',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   bad: indent\n',
    });
    files.push({ name: 'kubernetes-manifests/README.md', text: '# not a manifest' });
    const res = await ok<ImportResult>('manifests.import', { files });
    expect(res.source.label).toBe('kubernetes-manifests');
    expect(res.inventory.filter((r) => r.kind === 'Deployment')).toEqual([
      { kind: 'Deployment', namespace: 'default', count: 12 },
    ]);
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]).toMatchObject({
      file: 'kubernetes-manifests/broken.yaml',
      level: 'error',
      line: 4,
    });
    expect(res.issues[0]!.column).toBeGreaterThan(0);
  });

  it('takes a label, and refuses an empty request', async () => {
    const res = await ok<ImportResult>('manifests.import', {
      files: [{ name: 'ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n' }],
      label: 'my app',
    });
    expect(res.source).toMatchObject({ label: 'my app', kind: 'manifests', readOnly: true, objects: 1 });
    const r = await call('manifests.import', {});
    expect(r.ok).toBe(false);
  });
});

describe('export.yaml from an import', () => {
  it('exports one namespace of an import as clean YAML, with the data of its ConfigMaps', async () => {
    const text = [
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: shop, uid: abc, resourceVersion: "5"}\ndata: {k: v}',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other, namespace: elsewhere}\ndata: {k: v}',
    ].join('\n---\n');
    const imported = await ok<ImportResult>('manifests.import', { files: [{ name: 'a.yaml', text }] });
    const out = await ok<{ files: { path: string; text: string }[]; objects: number }>('export.yaml', {
      source: imported.source.id,
      namespaces: ['shop'],
    });
    expect(out.objects).toBe(2);
    expect(out.files[0]!.text).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: shop\ndata:\n  k: v\n',
    );
  });
});

describe('with the sources registry', () => {
  it('an import is listed as a source; closing it removes its rows and its apply/export', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifests-registry-'));
    const appDb = openDatabase(path.join(dir, 'flotilla.db'));
    try {
      const objects = createObjectStore(appDb);
      const changed: string[][] = [];
      const registry = createSourceRegistry({
        store: createSourceStore(appDb),
        objects,
        log: createLogger({ quiet: true }),
        changed: (ids) => changed.push(ids),
      });
      const area = createManifestsArea({
        log: createLogger({ quiet: true }),
        store: objects,
        kubeConfigFor: () => undefined,
        registry,
      });
      const router = createRouter(area.handlers as unknown as Handlers, createLogger({ quiet: true }));
      const r = await router.dispatch('manifests.import', {
        paths: [path.join(corpus, 'acme-fitness')],
      });
      if (!r.ok) throw new Error(r.error.message);
      const view = (r.value as ImportResult).source;
      expect(registry.list().map((v) => v.id)).toEqual([view.id]);
      expect(changed).toEqual([[view.id]]);
      expect(objects.count({ source: view.id })).toBe(31);

      expect(registry.closeSource(view.id)).toBe(true);
      expect(objects.count({ source: view.id })).toBe(0);
      const exported = await router.dispatch('export.yaml', { source: view.id });
      expect(exported).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const applied = await router.dispatch('manifests.apply', { source: view.id, cluster: 'c1' });
      expect(applied).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      appDb.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
