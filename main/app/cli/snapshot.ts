import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { detectProvider, type NodeFacts } from '../../kube/provider';
import { kubeRequest } from '../../kube/request';
import { createLogger } from '../../services/log';
import { createObjectService } from '../../services/objects/service';
import { captureSnapshot, type CaptureCluster } from '../../services/snapshots/capture';
import { SnapshotError, type SnapshotMeta } from '../../services/snapshots/format';
import { openSnapshot } from '../../services/snapshots/reader';
import { openDatabase } from '../../store/db';
import { APP_VERSION } from '../version';
import { SNAPSHOT_DIFF_HELP, SNAPSHOT_DIFF_LINE, snapshotDiff } from './snapshot-diff';
import { UsageError, type CliIo } from './io';

/**
 * `flotilla snapshot capture|info`: capture connects straight to the clusters of a kubeconfig
 * (no app database: a throw-away cache in a temporary folder), lists the kinds the live cache
 * watches, and writes a .flotilla file; info prints what a file holds.
 */

export const SNAPSHOT_USAGE = `Usage:
  flotilla snapshot capture (--context NAME... | --kubeconfig FILE --all) -o FILE [options]
  flotilla snapshot info FILE [--json]
${SNAPSHOT_DIFF_LINE}

capture: connects to the clusters with the kubeconfig, lists every kind the app caches, and
writes them to FILE (.flotilla). Secret values are left out (keys kept) unless --include-secrets.
  --kubeconfig FILE     the kubeconfig (default: $KUBECONFIG or ~/.kube/config)
  --context NAME        a context to capture (repeat for several)
  --all                 every context of the kubeconfig
  -o, --output FILE     where to write (must end in .flotilla)
  --include-events      keep Events
  --include-secrets     keep Secret values
  --include-metrics     keep metrics.k8s.io samples of nodes and pods
  --include-logs        keep the last lines of each pod's logs
  --timeout SECONDS     how long to wait for the lists (default 120)
  --json                print the metadata as JSON

info: the file's metadata: when and by which Flotilla it was taken, its clusters, kinds and counts.

${SNAPSHOT_DIFF_HELP}

Exit codes: 0 ok, 1 failed (unreachable cluster, unreadable file), 2 usage error.`;

interface CaptureArgs {
  kubeconfig?: string;
  contexts: string[];
  all: boolean;
  output?: string;
  events: boolean;
  secrets: boolean;
  metrics: boolean;
  logs: boolean;
  timeoutS: number;
  json: boolean;
}

function parseCapture(argv: string[]): CaptureArgs {
  const a: CaptureArgs = {
    contexts: [],
    all: false,
    events: false,
    secrets: false,
    metrics: false,
    logs: false,
    timeoutS: 120,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--kubeconfig') a.kubeconfig = value();
    else if (flag === '--context') a.contexts.push(value());
    else if (flag === '--all') a.all = true;
    else if (flag === '-o' || flag === '--output') a.output = value();
    else if (flag === '--include-events') a.events = true;
    else if (flag === '--include-secrets') a.secrets = true;
    else if (flag === '--include-metrics') a.metrics = true;
    else if (flag === '--include-logs') a.logs = true;
    else if (flag === '--json') a.json = true;
    else if (flag === '--timeout') {
      a.timeoutS = Number(value());
      if (!Number.isFinite(a.timeoutS) || a.timeoutS <= 0)
        throw new UsageError('--timeout needs a number of seconds');
    } else throw new UsageError(`unknown option ${flag}`);
  }
  if (!a.output) throw new UsageError('-o FILE is required');
  if (!a.output.endsWith('.flotilla'))
    throw new UsageError(`${a.output}: a snapshot file name ends in .flotilla`);
  if (a.all === a.contexts.length > 0) throw new UsageError('give either --context NAME or --all');
  return a;
}

function loadKubeConfig(file: string | undefined): { kc: KubeConfig; file: string } {
  const kc = new KubeConfig();
  const chosen =
    file ?? process.env.KUBECONFIG?.split(path.delimiter)[0] ?? path.join(os.homedir(), '.kube', 'config');
  if (!fs.existsSync(chosen)) throw new Error(`${chosen}: no such kubeconfig`);
  kc.loadFromFile(chosen);
  return { kc, file: chosen };
}

/** The cluster's Kubernetes version and provider, asked once (best effort). */
async function describeCluster(kc: KubeConfig): Promise<{ version: string; provider: string }> {
  const version = await kubeRequest(kc, '/version', { timeoutMs: 10_000 })
    .then((v) => String((v as { gitVersion?: unknown }).gitVersion ?? ''))
    .catch(() => '');
  const nodes = await kubeRequest(kc, '/api/v1/nodes?limit=50', { timeoutMs: 10_000 })
    .then((l) => ((l as { items?: unknown[] }).items ?? []) as Array<Record<string, Record<string, unknown>>>)
    .catch(() => []);
  const facts: NodeFacts[] = nodes.map((n) => ({
    name: String(n.metadata?.name ?? ''),
    providerID: typeof n.spec?.providerID === 'string' ? n.spec.providerID : undefined,
    labels: (n.metadata?.labels ?? {}) as Record<string, string>,
    osImage: String((n.status?.nodeInfo as Record<string, unknown> | undefined)?.osImage ?? ''),
  }));
  return { version, provider: detectProvider(facts, version).provider };
}

async function capture(argv: string[], io: CliIo): Promise<number> {
  const args = parseCapture(argv);
  const { kc: base, file: kubeconfigFile } = loadKubeConfig(args.kubeconfig);
  const names = args.all ? base.getContexts().map((c) => c.name) : args.contexts;
  const missing = names.filter((n) => !base.getContextObject(n));
  if (missing.length > 0) throw new UsageError(`${kubeconfigFile} has no context ${missing.join(', ')}`);
  if (names.length === 0) throw new Error(`${kubeconfigFile} has no contexts`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-capture-'));
  const log = createLogger({ quiet: true });
  const db = openDatabase(path.join(tmp, 'cache.db'));
  const service = createObjectService({ db, log, flushMs: 20 });
  try {
    const clusters: CaptureCluster[] = [];
    for (const name of names) {
      const kc = new KubeConfig();
      kc.loadFromFile(kubeconfigFile);
      kc.setCurrentContext(name);
      const { version, provider } = await describeCluster(kc);
      clusters.push({ id: name, name, group: '', provider, version, kubeConfig: () => kc });
      service.start(name, kc);
    }
    await Promise.all(names.map((n) => service.whenSynced(n, undefined, args.timeoutS * 1000)));
    // a kind the cluster does not serve is skipped; a kind that failed makes the capture incomplete
    const failed = service
      .status()
      .flatMap((s) => s.kinds.filter((k) => k.state === 'error').map((k) => `${s.cluster}: ${k.kind}`));
    if (failed.length > 0) io.err(`flotilla: some kinds could not be listed (${failed.join('; ')})\n`);
    const meta = await captureSnapshot({
      db,
      clusters,
      scope:
        names.length === 1
          ? `cluster ${names[0]}`
          : `${names.length} clusters of ${path.basename(kubeconfigFile)}`,
      file: path.resolve(args.output!),
      includes: { secretValues: args.secrets, events: args.events, metrics: args.metrics, logs: args.logs },
      flotillaVersion: APP_VERSION,
    });
    if (args.json) io.out(`${JSON.stringify({ file: path.resolve(args.output!), ...meta }, null, 2)}\n`);
    else io.out(`${path.resolve(args.output!)}: ${describe(meta)}`);
    return 0;
  } finally {
    await service.close();
    db.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function describe(meta: SnapshotMeta): string {
  const lines = [
    `${meta.objects} objects of ${meta.clusters.length} cluster${meta.clusters.length === 1 ? '' : 's'}, taken ${meta.takenAt} by Flotilla ${meta.flotillaVersion} (format ${meta.formatVersion})`,
    `scope: ${meta.scope}`,
    `includes: ${
      Object.entries(meta.includes)
        .filter(([, v]) => v)
        .map(([k]) => k)
        .join(', ') || 'objects only'
    }`,
  ];
  for (const c of meta.clusters) {
    lines.push(
      `  ${c.name}  group=${c.group || '-'} provider=${c.provider} version=${c.version || '?'} nodes=${c.nodes} objects=${c.objects}`,
    );
  }
  lines.push(`kinds: ${meta.kinds.join(', ')}`);
  if (meta.note) lines.push(`note: ${meta.note}`);
  return `${lines.join('\n')}\n`;
}

function info(argv: string[], io: CliIo): number {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('-'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  if (files.length !== 1) throw new UsageError('give one FILE');
  const snap = openSnapshot(files[0]!);
  try {
    const bytes = fs.statSync(files[0]!).size;
    if (json) io.out(`${JSON.stringify({ file: path.resolve(files[0]!), bytes, ...snap.meta }, null, 2)}\n`);
    else io.out(`${files[0]}: ${describe(snap.meta)}`);
    return 0;
  } finally {
    snap.close();
  }
}

export async function snapshotCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
    io.out(`${SNAPSHOT_USAGE}\n`);
    return sub ? 0 : 2;
  }
  try {
    if (sub === 'capture') return await capture(rest, io);
    if (sub === 'info') return info(rest, io);
    if (sub === 'diff') return snapshotDiff(rest, io);
    throw new UsageError(`unknown snapshot command "${sub}" (capture, info, diff)`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`flotilla snapshot: ${error.message}\n${SNAPSHOT_USAGE}\n`);
      return 2;
    }
    io.err(
      `flotilla snapshot: ${error instanceof SnapshotError ? error.message : error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
