/** `flotilla inspect`: best-practice, Pod Security and health checks over manifests, for people and CI. */
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importManifests } from '../../services/importer';
import { inspectObjects, type CheckSetId, type InspectionConfig } from '../../services/inspection';
import { parseInspectionConfig } from '../../services/inspection/config-schema';
import { toHtml } from '../../services/inspection/report/html';
import { toJsonReport, toTable, type ReportInput } from '../../services/inspection/report/render';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const INSPECT_USAGE = `Usage: flotilla inspect (FILE_OR_DIR... | --snapshot FILE | --context NAME) [options]

Runs Flotilla's checks over Kubernetes manifests (YAML or JSON files and folders):
Polaris best practices, Pod Security Standards (baseline, restricted) and cluster health.
Manifests that do not parse are reported on stderr and skipped.

Options:
  --checks LIST              comma list of polaris,pss-baseline,pss-restricted,health (default: all)
  --format json|table|html   output format (default: table)
  --fail-on danger|warning   exit 1 when a finding of this severity (or worse) exists
  --kubernetes-version V     judge Pod Security and API versions for this version (default: latest)
  --config FILE              JSON inspection config (checks on/off, severities, exemptions)
  -o, --output FILE          write the report to FILE instead of stdout
  -h, --help

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage error or unavailable source.`;

const setNames: CheckSetId[] = ['polaris', 'pss-baseline', 'pss-restricted', 'health'];

class UsageError extends Error {}

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
  if (opts.snapshot !== undefined || opts.context !== undefined) {
    const which =
      opts.snapshot !== undefined ? `--snapshot (${opts.snapshot})` : `--context (${opts.context})`;
    io.err(
      `flotilla inspect: ${which} is not available yet in this build; inspect manifest files or folders instead.\n`,
    );
    return 2;
  }
  if (opts.sets) config = { ...config, sets: opts.sets };
  if (opts.kubernetesVersion) config = { ...config, kubernetesVersion: opts.kubernetesVersion };

  for (const p of opts.paths) {
    try {
      await fs.stat(p);
    } catch {
      io.err(`flotilla inspect: ${p}: no such file or folder\n`);
      return 2;
    }
  }
  const imported = await importManifests(opts.paths, { sourceId: 'manifests:cli', cluster: 'manifests' });
  const problems = imported.issues.filter((i) => i.level === 'error' || i.code === 'not-kubernetes');
  for (const p of problems) {
    const where = `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`;
    io.err(`${p.level === 'error' ? 'skipped' : 'note'}: ${where}: ${p.message}\n`);
  }
  const result = await inspectObjects(imported.objects, { config });
  const input: ReportInput = {
    title: 'Flotilla inspection',
    subject: opts.paths.join(', '),
    result,
    problems: problems.map((p) => ({ file: p.file, line: p.line, column: p.column, message: p.message })),
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
