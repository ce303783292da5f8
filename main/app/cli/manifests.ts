/** `flotilla import` (inventory and errors of manifest files) and `flotilla export` (clean YAML). */
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { KubeConfig } from '@kubernetes/client-node';
import { exportObjects, ExportWriteError, type ExportItem } from '../../services/export';
import { gatherExport, GatherError } from '../../services/export/gather';
import { listForExport } from '../../services/export/live';
import { importManifests } from '../../services/importer';
import { openSnapshotReader } from '../../services/snapshots/reader';
import { SnapshotError } from '../../services/snapshots/format';
import { UsageError, type CliIo } from './io';

export const IMPORT_USAGE = `Usage: flotilla import FILE_OR_DIR... [--json]

Reads Kubernetes manifests (multi-document YAML, JSON, List kinds; folders are walked for
.yaml, .yml and .json files) and prints their inventory by kind and namespace and every problem
with its file, line and column. Valid documents count even when others in the file are broken.

Options:
  --json        JSON output: {objects, inventory: [{kind, namespace, count}], issues, skipped}
  -h, --help

Exit codes: 0 every file read cleanly, 1 a file or document had an error, 2 usage error.`;

export const EXPORT_USAGE = `Usage: flotilla export (--context NAME | --snapshot FILE) [options] -o PATH

Exports objects as clean YAML, ready to apply to another cluster: status, uid, resourceVersion,
managedFields, creationTimestamp, cluster-assigned fields (Service cluster IPs, a claim's bound
volume) and kubectl's last-applied annotation are removed; objects controllers make (pods of a
ReplicaSet, replica sets, endpoints, events, token secrets, kube-root-ca.crt) are left out.

Options:
  --context NAME          a context of the kubeconfig (read live, ConfigMap and Secret data included)
  --kubeconfig FILE       the kubeconfig for --context (default: $KUBECONFIG or ~/.kube/config)
  --snapshot FILE         a .flotilla snapshot file
  --cluster NAME          with --snapshot: only this cluster (repeatable)
  -n, --namespace NAME    only this namespace and its Namespace object (repeatable)
  --layout file|folder    one multi-document file (default), or a folder per namespace
  -o, --output PATH       the file or folder to write ("-" for stdout, file layout only)
  --json                  print what was written as JSON
  -h, --help

Exit codes: 0 written, 1 the export failed, 2 usage error.`;

const where = (i: { file: string; line?: number; column?: number }) =>
  `${i.file}${i.line ? `:${i.line}${i.column ? `:${i.column}` : ''}` : ''}`;

/** `flotilla import <argv…>`; returns the exit code. */
export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  let v;
  try {
    v = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    io.err(`flotilla import: ${(e as Error).message}\n\n${IMPORT_USAGE}\n`);
    return 2;
  }
  if (v.values.help) {
    io.out(`${IMPORT_USAGE}\n`);
    return 0;
  }
  if (!v.positionals.length) {
    io.err(`flotilla import: name at least one file or folder\n\n${IMPORT_USAGE}\n`);
    return 2;
  }
  for (const p of v.positionals) {
    try {
      await fs.stat(p);
    } catch {
      io.err(`flotilla import: ${p}: no such file or folder\n`);
      return 2;
    }
  }
  const res = await importManifests(v.positionals, { sourceId: 'manifests:cli' });
  const inventory = Object.entries(res.inventory.byKindAndNamespace)
    .map(([key, count]) => {
      const [kind, namespace] = key.split('\t') as [string, string];
      return { kind, namespace, count };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.namespace.localeCompare(b.namespace));
  const issues = res.issues.map(({ file, line, column, level, code, message }) => ({
    file,
    line,
    column,
    level,
    code,
    message,
  }));
  const failed = issues.some((i) => i.level === 'error');
  if (v.values.json) {
    io.out(
      `${JSON.stringify({ objects: res.objects.length, inventory, issues, skipped: res.skipped }, null, 2)}\n`,
    );
    return failed ? 1 : 0;
  }
  const kindWidth = Math.max(4, ...inventory.map((r) => r.kind.length));
  const nsWidth = Math.max(9, ...inventory.map((r) => (r.namespace || '(cluster)').length));
  io.out(`${'KIND'.padEnd(kindWidth)}  ${'NAMESPACE'.padEnd(nsWidth)}  COUNT\n`);
  for (const r of inventory) {
    io.out(`${r.kind.padEnd(kindWidth)}  ${(r.namespace || '(cluster)').padEnd(nsWidth)}  ${r.count}\n`);
  }
  io.out(`${res.objects.length} objects from ${res.filesLoaded.length} files\n`);
  for (const i of issues) io.err(`${where(i)}: ${i.level}: ${i.message}\n`);
  if (failed) {
    const files = new Set(issues.filter((i) => i.level === 'error').map((i) => i.file)).size;
    io.err(`${files} file${files === 1 ? '' : 's'} with errors\n`);
  }
  return failed ? 1 : 0;
}

interface ExportArgs {
  context?: string;
  kubeconfig?: string;
  snapshot?: string;
  clusters: string[];
  namespaces: string[];
  layout: 'file' | 'folder';
  output: string;
  json: boolean;
}

function parseExport(argv: string[]): ExportArgs | 'help' {
  let v;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      options: {
        context: { type: 'string' },
        kubeconfig: { type: 'string' },
        snapshot: { type: 'string' },
        cluster: { type: 'string', multiple: true },
        namespace: { type: 'string', short: 'n', multiple: true },
        layout: { type: 'string', default: 'file' },
        output: { type: 'string', short: 'o' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const o = v.values;
  if (o.help) return 'help';
  if ((o.context === undefined) === (o.snapshot === undefined)) {
    throw new UsageError('give exactly one source: --context NAME or --snapshot FILE');
  }
  if (o.layout !== 'file' && o.layout !== 'folder') {
    throw new UsageError(`--layout must be file or folder (got "${o.layout}")`);
  }
  if (!o.output) throw new UsageError('give where to write: -o PATH');
  if (o.output === '-' && o.layout === 'folder')
    throw new UsageError('the folder layout needs a folder, not -');
  if (o.cluster?.length && !o.snapshot) throw new UsageError('--cluster goes with --snapshot');
  return {
    context: o.context,
    kubeconfig: o.kubeconfig,
    snapshot: o.snapshot,
    clusters: o.cluster ?? [],
    namespaces: o.namespace ?? [],
    layout: o.layout,
    output: o.output,
    json: o.json ?? false,
  };
}

async function fromContext(a: ExportArgs & { context: string }): Promise<ExportItem[]> {
  const kc = new KubeConfig();
  if (a.kubeconfig) kc.loadFromFile(a.kubeconfig);
  else kc.loadFromDefault();
  if (!kc.getContexts().some((c) => c.name === a.context)) {
    throw new UsageError(`no context named "${a.context}" in ${a.kubeconfig ?? 'the default kubeconfig'}`);
  }
  kc.setCurrentContext(a.context);
  const objects = await listForExport(kc, { namespaces: a.namespaces.length ? a.namespaces : undefined });
  return objects.map((object) => ({ cluster: a.context, object }));
}

async function fromSnapshot(a: ExportArgs & { snapshot: string }): Promise<ExportItem[]> {
  const snap = openSnapshotReader(a.snapshot);
  try {
    const { items } = await gatherExport(
      {
        source: 'snapshot',
        clusters: a.clusters.length ? a.clusters : undefined,
        namespaces: a.namespaces.length ? a.namespaces : undefined,
      },
      {
        store: snap.reader,
        imports: { get: () => undefined },
        liveBody: () => Promise.reject(new Error('a snapshot is not live')),
      },
    );
    return items;
  } finally {
    snap.close();
  }
}

/** `flotilla export <argv…>`; returns the exit code. */
export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  let args: ExportArgs;
  try {
    const parsed = parseExport(argv);
    if (parsed === 'help') {
      io.out(`${EXPORT_USAGE}\n`);
      return 0;
    }
    args = parsed;
  } catch (e) {
    io.err(`flotilla export: ${(e as Error).message}\n\n${EXPORT_USAGE}\n`);
    return 2;
  }
  try {
    const items =
      args.context !== undefined
        ? await fromContext({ ...args, context: args.context })
        : await fromSnapshot({ ...args, snapshot: args.snapshot! });
    const toStdout = args.output === '-';
    const out = await exportObjects(items, { layout: args.layout, path: toStdout ? undefined : args.output });
    if (toStdout) io.out(out.files.map((f) => f.text).join('---\n'));
    if (args.json) {
      const summary = {
        objects: out.objects,
        files: out.files.map((f) => ({ path: f.path, objects: f.objects })),
        excluded: out.excluded,
      };
      (toStdout ? io.err : io.out)(`${JSON.stringify(summary, null, 2)}\n`);
    } else if (!toStdout) {
      io.out(
        `wrote ${out.objects} objects to ${args.output}${args.layout === 'folder' ? ` (${out.files.length} files)` : ''}; left out ${out.excluded.length} made by the cluster\n`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`flotilla export: ${e.message}\n`);
      return 2;
    }
    const known = e instanceof ExportWriteError || e instanceof GatherError || e instanceof SnapshotError;
    io.err(`flotilla export: ${known ? e.message : `failed: ${(e as Error).message}`}\n`);
    return 1;
  }
}
