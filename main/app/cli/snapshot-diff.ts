import { parseArgs } from 'node:util';
import { diffSources, type DiffSide, type SourceDiff } from '../../services/diff/diff';
import { SnapshotError } from '../../services/snapshots/format';
import { openSnapshotReader, type SnapshotReader } from '../../services/snapshots/reader';
import type { CliIo } from './io';

/**
 * `flotilla snapshot diff A B`: what changed between two .flotilla files — objects added, removed
 * and changed with their changed fields, summarised by cluster, kind and namespace. Exit codes as
 * diff(1): 0 the same, 1 different, 2 usage error or a file that cannot be read.
 */

export const SNAPSHOT_DIFF_LINE =
  '  flotilla snapshot diff A.flotilla B.flotilla [--json] [--cluster C] [--kind K] [-n NS] [--show-noise]';

export const SNAPSHOT_DIFF_HELP = `diff: objects added, removed and changed from A to B, matched by cluster name, kind, namespace and
name, with the changed fields. resourceVersion, managedFields, status timestamps and Events are
left out unless --show-noise (or --kind Event). Exit 0 when equal, 1 when different, 2 on trouble.`;

function side(snap: SnapshotReader): DiffSide {
  // rows of a snapshot file carry cluster names
  return {
    reader: snap.reader,
    source: 'snapshot',
    clusters: new Map(snap.meta.clusters.map((c) => [c.name, c.name])),
  };
}

export function formatDiff(d: SourceDiff, a: string, b: string): string {
  const { added, removed, changed } = d.totals;
  const lines = [`${a} → ${b}: ${added} added, ${removed} removed, ${changed} changed`];
  if (added + removed + changed === 0) return `${lines[0]}\n`;
  lines.push('', 'CLUSTER\tKIND\tNAMESPACE\tADDED\tREMOVED\tCHANGED');
  for (const r of d.summary)
    lines.push(`${r.cluster}\t${r.kind}\t${r.namespace || '-'}\t${r.added}\t${r.removed}\t${r.changed}`);
  lines.push('');
  const mark = { added: '+', removed: '-', changed: '~' };
  for (const c of d.changes) {
    const where = `${c.cluster} ${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}`;
    lines.push(`${mark[c.change]} ${where}${c.fields.length ? `  (${c.fields.join(', ')})` : ''}`);
  }
  if (d.truncated)
    lines.push(
      `… and ${added + removed + changed - d.changes.length} more (use --json or narrow with --kind/-n)`,
    );
  return `${lines.join('\n')}\n`;
}

export function snapshotDiff(argv: string[], io: CliIo): number {
  let v;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        cluster: { type: 'string', multiple: true },
        kind: { type: 'string', multiple: true },
        namespace: { type: 'string', short: 'n', multiple: true },
        'show-noise': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.err(`flotilla snapshot diff: ${(error as Error).message}\nUsage:\n${SNAPSHOT_DIFF_LINE}\n`);
    return 2;
  }
  if (v.positionals.length !== 2) {
    io.err(`flotilla snapshot diff: give two files, A and B\nUsage:\n${SNAPSHOT_DIFF_LINE}\n`);
    return 2;
  }
  const [fileA, fileB] = v.positionals as [string, string];
  const open: SnapshotReader[] = [];
  try {
    for (const file of [fileA, fileB]) open.push(openSnapshotReader(file));
    const d = diffSources(
      side(open[0]!),
      side(open[1]!),
      {
        clusters: v.values.cluster,
        kinds: v.values.kind,
        namespaces: v.values.namespace,
        showNoise: v.values['show-noise'],
      },
      v.values.json ? 100_000 : 2_000,
    );
    const out = { ...d, a: fileA, b: fileB };
    io.out(v.values.json ? `${JSON.stringify(out, null, 2)}\n` : formatDiff(out, fileA, fileB));
    return d.totals.added + d.totals.removed + d.totals.changed === 0 ? 0 : 1;
  } catch (error) {
    io.err(
      `flotilla snapshot diff: ${error instanceof SnapshotError || error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  } finally {
    for (const s of open) s.close();
  }
}
