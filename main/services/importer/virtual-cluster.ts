/**
 * Imported manifests as a virtual cluster: each import gets a source id 'manifests:<id>', its
 * objects go into the object cache under that source (so every view, search and inspection reads
 * them like a live cluster's), and the objects as written in the files are kept in memory for
 * apply and export (the cache keeps Secrets and ConfigMaps as metadata only).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ImportResult as ContractImportResult, SourceView } from '../../../shared/contract/sources';
import type { StoredObject } from '../../../shared/objects/types';
import type { ObjectWrite } from '../../store/object-row';
import { importManifests } from './index';
import type { TextFile } from './texts';
import type { ImportIssue, SkippedFile } from './types';

export interface ImportStore {
  upsert(writes: readonly ObjectWrite[]): void;
  clear(source: string, cluster?: string): number;
}

export interface VirtualClusterImport {
  view: SourceView;
  /** The objects as written in the files (namespace filled in where the file left it out). */
  objects: StoredObject[];
  issues: ImportIssue[];
  skipped: SkippedFile[];
}

export interface ImportRequest {
  files?: readonly TextFile[];
  paths?: readonly string[];
  label?: string;
}

export interface ManifestImports {
  import(req: ImportRequest): Promise<ContractImportResult & { skipped: SkippedFile[] }>;
  get(source: string): VirtualClusterImport | undefined;
  list(): SourceView[];
  /** Drops an import's rows from the cache; false when unknown. */
  close(source: string): boolean;
}

/** The name of the virtual cluster: the label, else the folder's or file's name. */
export function labelFor(req: ImportRequest): string {
  if (req.label?.trim()) return req.label.trim();
  const first = req.paths?.[0];
  if (first) {
    const base = path.basename(path.resolve(first));
    const more = (req.paths?.length ?? 0) - 1 + (req.files?.length ?? 0);
    return more > 0 ? `${base} (+${more})` : base;
  }
  const files = req.files ?? [];
  const tops = new Set(files.map((f) => f.name.split(/[\\/]/)[0]!));
  if (files.length === 1) return files[0]!.name.split(/[\\/]/).pop()!;
  if (tops.size === 1 && files.some((f) => /[\\/]/.test(f.name))) return [...tops][0]!;
  return `${files.length} files`;
}

/** The object with the namespace the importer resolved, and its name (generateName-only objects). */
function normalised(row: StoredObject): StoredObject {
  const metadata = { ...(row.object.metadata ?? {}), name: row.name };
  if (row.namespace) metadata.namespace = row.namespace;
  return { ...row, object: { ...row.object, metadata } };
}

export function createManifestImports(store: ImportStore): ManifestImports {
  const imports = new Map<string, VirtualClusterImport>();
  return {
    async import(req) {
      const source = `manifests:${randomBytes(6).toString('hex')}`;
      const label = labelFor(req);
      const res = await importManifests([...(req.paths ?? [])], {
        sourceId: source,
        cluster: label,
        texts: req.files,
      });
      const root = req.paths?.length ? path.dirname(path.resolve(req.paths[0]!)) : undefined;
      const rel = (f: string) => (root && path.isAbsolute(f) ? path.relative(root, f) || f : f);
      const objects = res.objects.map(normalised);
      // the cache copy carries the row's uid (views key rows by it)
      store.upsert(
        objects.map((o) => ({
          ...o,
          object: { ...o.object, metadata: { ...o.object.metadata, uid: o.uid } },
        })),
      );
      const kinds = [...new Set(objects.map((o) => o.kind))].sort();
      const view: SourceView = {
        id: source,
        kind: 'manifests',
        label,
        file: req.paths?.[0] ? path.resolve(req.paths[0]) : undefined,
        takenAt: new Date().toISOString(),
        clusters: [
          { name: label, group: '', provider: 'manifests', version: '', nodes: 0, objects: objects.length },
        ],
        kinds,
        objects: objects.length,
        includes: { secretValues: false, events: false, metrics: false, logs: false },
        readOnly: true,
      };
      const issues = res.issues.map((i) => ({ ...i, file: rel(i.file) }));
      const skipped = res.skipped.map((s) => ({ ...s, file: rel(s.file) }));
      imports.set(source, { view, objects, issues, skipped });
      const inventory = Object.entries(res.inventory.byKindAndNamespace)
        .map(([key, count]) => {
          const [kind, namespace] = key.split('\t') as [string, string];
          return { kind, namespace, count };
        })
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.namespace.localeCompare(b.namespace));
      return {
        source: view,
        inventory,
        issues: issues.map(({ file, line, column, level, message }) => ({
          file,
          line,
          column,
          level,
          message,
        })),
        skipped,
      };
    },
    get: (source) => imports.get(source),
    list: () => [...imports.values()].map((i) => i.view),
    close(source) {
      const found = imports.get(source);
      if (!found) return false;
      store.clear(source);
      imports.delete(source);
      return true;
    },
  };
}
