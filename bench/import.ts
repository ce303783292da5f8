import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseAllDocuments, stringify } from 'yaml';
import { importManifests, loadManifests } from '../main/services/importer';
import { createObjectStore } from '../main/store/objects';
import { applyObjectSchema } from '../main/store/objects-schema';
import type { KubeObject } from '../shared/objects/types';
import { round, summary } from './stats';

/**
 * (m) importing N MB of multi-document YAML — the corpus apps (online-boutique, acme-fitness,
 * aks-store-demo) repeated under new names until the text reaches the size — against the bare
 * `yaml` parse of the same text (parseAllDocuments + toJS of every document). Measured: the import
 * (read, parse with line numbers and guards, rows and inventory), and the import plus writing the
 * rows into an in-memory object cache, as 'manifests.import' does.
 */

const corpus = path.resolve('../shared/corpus');
const APPS = ['online-boutique/release', 'acme-fitness', 'aks-store-demo'];

async function seedObjects(): Promise<KubeObject[]> {
  const loaded = await loadManifests(APPS.map((a) => path.join(corpus, a)));
  const seen = new Set<string>();
  return loaded.objects
    .map((o) => o.object)
    .filter((o) => {
      // the bundles repeat objects of the single files: keep one of each
      const key = `${o.apiVersion}/${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Multi-document YAML of at least `bytes`, every object renamed per copy so none is a duplicate. */
export function buildText(seed: readonly KubeObject[], bytes: number): { text: string; objects: number } {
  const docs: string[] = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy++) {
    for (const o of seed) {
      const renamed = { ...o, metadata: { ...o.metadata, name: `${o.metadata?.name ?? 'x'}-${copy}` } };
      const doc = `# copy ${copy}\n${stringify(renamed)}`;
      docs.push(doc);
      size += doc.length + 4;
      if (size >= bytes) break;
    }
  }
  return { text: docs.join('---\n'), objects: docs.length };
}

/** Wall and CPU time (user + system) of one call: on a shared machine the CPU time is the steadier figure. */
const time = async (fn: () => unknown): Promise<{ wall: number; cpu: number }> => {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await fn();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
};

export async function benchImport(o: { megabytes: number; runs: number }) {
  const seed = await seedObjects();
  const { text, objects } = buildText(seed, o.megabytes * 1024 * 1024);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const file = path.join(dir, 'manifests.yaml');
  fs.writeFileSync(file, text);
  try {
    const bare: Array<{ wall: number; cpu: number }> = [];
    const imported: Array<{ wall: number; cpu: number }> = [];
    const withCache: Array<{ wall: number; cpu: number }> = [];
    let count = 0;
    for (let run = 0; run < o.runs + 1; run++) {
      const b = await time(() => {
        const t = fs.readFileSync(file, 'utf8');
        for (const d of parseAllDocuments(t)) d.toJS();
      });
      const i = await time(async () => {
        count = (await importManifests([file], { sourceId: 'manifests:bench' })).objects.length;
      });
      const db = new Database(':memory:');
      applyObjectSchema(db);
      const store = createObjectStore(db);
      const c = await time(async () => {
        const res = await importManifests([file], { sourceId: 'manifests:bench', cluster: 'bench' });
        store.upsert(res.objects);
      });
      db.close();
      if (run === 0) continue; // warm-up
      bare.push(b);
      imported.push(i);
      withCache.push(c);
    }
    if (count !== objects) throw new Error(`imported ${count} objects, expected ${objects}`);
    const figures = (xs: Array<{ wall: number; cpu: number }>) => ({
      cpuMs: summary(xs.map((x) => x.cpu)),
      wallMs: summary(xs.map((x) => x.wall)),
    });
    const [bareF, importF, cacheF] = [figures(bare), figures(imported), figures(withCache)];
    return {
      megabytes: round(Buffer.byteLength(text) / 1048576, 1),
      objects,
      bareYaml: bareF,
      import: importF,
      importIntoCache: cacheF,
      /** CPU-time ratios at the median (the wall-clock ones follow the machine's load). */
      ratio: round(importF.cpuMs.p50 / bareF.cpuMs.p50),
      ratioWithCache: round(cacheF.cpuMs.p50 / bareF.cpuMs.p50),
      target: 1.5,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/import.ts [MB] [runs]` on its own
if (process.argv[1]?.endsWith('import.ts')) {
  const mb = Number(process.argv[2] ?? 10);
  const runs = Number(process.argv[3] ?? 3);
  process.stdout.write(`${JSON.stringify(await benchImport({ megabytes: mb, runs }), null, 2)}\n`);
}
