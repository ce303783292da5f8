/** `flotilla inspect`: best-practice, Pod Security and health checks over manifests, for people and CI. */
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { KubeConfig } from '@kubernetes/client-node';
import type { StoredObject } from '../../../shared/objects/types';
import { importManifests } from '../../services/importer';
import { listForInspection } from '../../services/inspection/live-list';
import { SnapshotError } from '../../services/snapshots/format';
import { openSnapshotReader } from '../../services/snapshots/reader';
import {
  inspect,
  inspectObjects,
  type CheckSetId,
  type InspectionConfig,
  type InspectionResult,
} from '../../services/inspection';
import { parseInspectionConfig } from '../../services/inspection/config-schema';
import { toHtml } from '../../services/inspection/report/html';
import { toJsonReport, toTable, type ReportInput } from '../../services/inspection/report/render';
import { UsageError, type CliIo } from './io';

export const INSPECT_USAGE = `Usage: flotilla inspect (FILE_OR_DIR... | --snapshot FILE | --context NAME) [options]

Runs Flotilla's checks over Kubernetes manifests (YAML or JSON files and folders), a snapshot
(.flotilla file, opened read-only) or a live cluster (a kubeconfig context, read directly):
Polaris best practices, Pod Security Standards (baseline, restricted) and cluster health.
Manifests that do not parse are reported on stderr and skipped.

Options:
  --checks LIST              comma list of polaris,pss-baseline,pss-restricted,health (default: all)
  --format json|table|html   output format (default: table)
  --fail-on danger|warning   exit 1 when a finding of this severity (or worse) exists
  --kubernetes-version V     judge Pod Security and API versions for this version (default: latest)
  --config FILE              JSON inspection config (checks on/off, severities, exemptions)
  --kubeconfig FILE          the kubeconfig for --context (default: $KUBECONFIG or ~/.kube/config)
  -o, --output FILE          write the report to FILE instead of stdout
  -h, --help

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage error or unavailable source.`;

const setNames: CheckSetId[] = ['polaris', 'pss-baseline', 'pss-restricted', 'health'];

interface Options {
  paths: string[];
  sets?: CheckSetId[];
  format: 'json' | 'table' | 'html';
  failOn?: 'danger' | 'warning';
  kubernetesVersion?: string;
  configFile?: string;
  output?: string;
  snapshot?: string;
  context?: string;
  kubeconfig?: string;
  help: boolean;
}

function parse(argv: string[]): Options {
  let v;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        checks: { type: 'string' },
        format: { type: 'string', default: 'table' },
        'fail-on': { type: 'string' },
        'kubernetes-version': { type: 'string' },
        config: { type: 'string' },
        output: { type: 'string', short: 'o' },
        snapshot: { type: 'string' },
        context: { type: 'string' },
        kubeconfig: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const o = v.values;
  const format = o.format ?? 'table';
  if (format !== 'json' && format !== 'table' && format !== 'html')
    throw new UsageError(`--format must be json, table or html (got "${format}")`);
  const failOn = o['fail-on'];
  if (failOn !== undefined && failOn !== 'danger' && failOn !== 'warning')
    throw new UsageError(`--fail-on must be danger or warning (got "${failOn}")`);
  let sets: CheckSetId[] | undefined;
  if (o.checks !== undefined) {
    const list = o.checks
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = list.filter((s) => !setNames.includes(s as CheckSetId));
    if (bad.length || !list.length)
      throw new UsageError(
        `--checks: unknown set "${bad.join(', ') || o.checks}" (use ${setNames.join(',')})`,
      );
    sets = list as CheckSetId[];
  }
  const sources = [v.positionals.length > 0, o.snapshot !== undefined, o.context !== undefined].filter(
    Boolean,
  ).length;
  if (!o.help && sources !== 1)
    throw new UsageError('give exactly one source: FILE_OR_DIR..., --snapshot FILE or --context NAME');
  return {
    paths: v.positionals,
    sets,
    format,
    failOn,
    kubernetesVersion: o['kubernetes-version'],
    configFile: o.config,
    output: o.output,
    snapshot: o.snapshot,
    context: o.context,
    kubeconfig: o.kubeconfig,
    help: o.help ?? false,
  };
}

async function loadConfig(file: string): Promise<InspectionConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--config ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--config ${file}: not JSON (${(e as Error).message})`);
  }
  const parsed = parseInspectionConfig(json);
  if (!parsed.ok) throw new UsageError(`--config ${file}: ${parsed.error}`);
  return parsed.config;
}

/** `flotilla inspect <argv…>`; argv starts after the word "inspect". Returns the exit code. */
export async function inspectCommand(argv: string[], io: CliIo): Promise<number> {
  let opts: Options;
  let config: InspectionConfig = {};
  try {
    opts = parse(argv);
    if (opts.help) {
      io.out(`${INSPECT_USAGE}\n`);
      return 0;
    }
    if (opts.configFile) config = await loadConfig(opts.configFile);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`flotilla inspect: ${e.message}\n\n${INSPECT_USAGE}\n`);
    return 2;
  }
  if (opts.sets) config = { ...config, sets: opts.sets };
  if (opts.kubernetesVersion) config = { ...config, kubernetesVersion: opts.kubernetesVersion };

  let result: InspectionResult;
  let subject: string;
  let problems: NonNullable<ReportInput['problems']> = [];
  try {
    if (opts.snapshot !== undefined) {
      ({ result, subject } = await fromSnapshot(opts.snapshot, config));
    } else if (opts.context !== undefined) {
      ({ result, subject } = await fromContext(opts.context, opts.kubeconfig, config, io));
    } else {
      const r = await fromFiles(opts.paths, config, io);
      if (typeof r === 'number') return r;
      ({ result, subject, problems } = r);
    }
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    io.err(`flotilla inspect: ${e.message}\n`);
    return 2;
  }
  const input: ReportInput = {
    title: 'Flotilla inspection',
    subject,
    result,
    problems,
  };
  const text =
    opts.format === 'json'
      ? `${JSON.stringify(toJsonReport(input), null, 2)}\n`
      : opts.format === 'html'
        ? toHtml(input)
        : toTable(input);
  if (opts.output) await fs.writeFile(opts.output, text);
  else io.out(text);

  const failing =
    opts.failOn === 'warning' ? ['danger', 'warning'] : opts.failOn === 'danger' ? ['danger'] : [];
  return result.findings.some((f) => failing.includes(f.severity)) ? 1 : 0;
}

/** A source that cannot be read: a bad snapshot, an unknown context, an unreachable cluster. */
class SourceError extends Error {}

async function fromFiles(
  paths: string[],
  config: InspectionConfig,
  io: CliIo,
): Promise<
  number | { result: InspectionResult; subject: string; problems: NonNullable<ReportInput['problems']> }
> {
  for (const p of paths) {
    try {
      await fs.stat(p);
    } catch {
      io.err(`flotilla inspect: ${p}: no such file or folder\n`);
      return 2;
    }
  }
  const imported = await importManifests(paths, { sourceId: 'manifests:cli', cluster: 'manifests' });
  const problems = imported.issues.filter((i) => i.level === 'error' || i.code === 'not-kubernetes');
  for (const p of problems) {
    const where = `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`;
    io.err(`${p.level === 'error' ? 'skipped' : 'note'}: ${where}: ${p.message}\n`);
  }
  return {
    result: await inspectObjects(imported.objects, { config }),
    subject: paths.join(', '),
    problems: problems.map((p) => ({ file: p.file, line: p.line, column: p.column, message: p.message })),
  };
}

async function fromSnapshot(file: string, config: InspectionConfig) {
  let snap;
  try {
    snap = openSnapshotReader(file);
  } catch (e) {
    if (e instanceof SnapshotError) throw new SourceError(e.message);
    throw e;
  }
  try {
    const versions = Object.fromEntries(snap.meta.clusters.map((c) => [c.name, c.version]));
    const result = await inspect(snap.reader, {
      config: { ...config, clusterVersions: { ...versions, ...config.clusterVersions } },
    });
    return { result, subject: `snapshot ${file} (${snap.meta.scope}, taken ${snap.meta.takenAt})` };
  } finally {
    snap.close();
  }
}

async function fromContext(
  context: string,
  kubeconfig: string | undefined,
  config: InspectionConfig,
  io: CliIo,
) {
  const kc = new KubeConfig();
  const where = kubeconfig ?? 'the default kubeconfig';
  try {
    if (kubeconfig) kc.loadFromFile(kubeconfig);
    else kc.loadFromDefault();
  } catch (e) {
    throw new SourceError(`${where}: ${(e as Error).message}`);
  }
  if (!kc.getContexts().some((c) => c.name === context))
    throw new SourceError(`no context named "${context}" in ${where}`);
  kc.setCurrentContext(context);
  let listing;
  try {
    listing = await listForInspection(kc, context);
  } catch (e) {
    throw new SourceError(`context ${context}: ${(e as Error).message}`);
  }
  for (const s of listing.skipped) io.err(`note: ${s.kind}: ${s.reason}; skipped\n`);
  const objects: StoredObject[] = listing.objects;
  const result = await inspectObjects(objects, {
    config: {
      ...config,
      ...(listing.version
        ? { clusterVersions: { [context]: listing.version, ...config.clusterVersions } }
        : {}),
    },
  });
  return { result, subject: `context ${context}${listing.version ? ` (${listing.version})` : ''}` };
}
