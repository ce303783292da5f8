import fs from 'node:fs';
import path from 'node:path';
import { KubeconfigError } from '../../kube/kubeconfig/errors';
import { loadKubeconfigFile } from '../../kube/kubeconfig/discover';
import { mergeKubeconfigs } from '../../kube/kubeconfig/merge';
import type { KubeconfigFile, Problem } from '../../kube/kubeconfig/model';
import { toPublicView, type PublicContextView } from '../../kube/kubeconfig/public-view';
import { resolveContexts } from '../../kube/kubeconfig/validate';
import type { CliIo } from './io';

export const KUBECONFIG_USAGE = `Usage: flotilla kubeconfig check FILE... [--json]

Checks kubeconfig files without connecting: lists every context with its server,
auth kind, namespace and any problem (missing cluster or user, bad base64, PEM
that does not parse, unreadable certificate/key/token files, bad server URL …).
Several files are merged the way kubectl merges $KUBECONFIG: the first file that
defines a name wins, and relative paths resolve against each file's own folder.
Nothing secret is printed.

Options:
  --json   print one JSON document instead of a table
  -h, --help

Exit codes: 0 every context is usable, 1 a file or context is broken, 2 usage error.`;

interface FileResult {
  path: string;
  ok: boolean;
  error?: string;
  line?: number;
}

export interface CheckReport {
  ok: boolean;
  files: FileResult[];
  currentContext?: string;
  contexts: (PublicContextView & { current: boolean })[];
  /** File-level doubts: nameless entries, duplicate names, a dangling current-context. */
  problems: Problem[];
}

/** `flotilla kubeconfig <argv…>`; argv starts after the word "kubeconfig". Returns the exit code. */
export async function kubeconfigCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
    (sub === undefined ? io.err : io.out)(`${KUBECONFIG_USAGE}\n`);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'check') {
    io.err(`flotilla kubeconfig: unknown command "${sub}"\n\n${KUBECONFIG_USAGE}\n`);
    return 2;
  }
  let json = false;
  const files: string[] = [];
  let literal = false;
  for (const arg of rest) {
    if (!literal && arg === '--') literal = true;
    else if (!literal && arg === '--json') json = true;
    else if (!literal && (arg === '-h' || arg === '--help')) {
      io.out(`${KUBECONFIG_USAGE}\n`);
      return 0;
    } else if (!literal && arg.startsWith('-') && arg !== '-') {
      io.err(`flotilla kubeconfig check: unknown option ${arg}\n\n${KUBECONFIG_USAGE}\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    io.err(`flotilla kubeconfig check: name at least one kubeconfig file\n\n${KUBECONFIG_USAGE}\n`);
    return 2;
  }
  const report = checkKubeconfigFiles(files);
  if (json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else io.out(formatReport(report));
  return report.ok ? 0 : 1;
}

/** Loads, merges and checks the files; the report holds no secret. */
export function checkKubeconfigFiles(paths: readonly string[]): CheckReport {
  const loaded: KubeconfigFile[] = [];
  const files: FileResult[] = [];
  for (const p of paths) {
    const abs = path.resolve(p);
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) {
      files.push({ path: abs, ok: false, error: `${abs}: is a folder, not a kubeconfig file` });
      continue;
    }
    try {
      loaded.push(loadKubeconfigFile(abs));
      files.push({ path: abs, ok: true });
    } catch (error) {
      if (!(error instanceof KubeconfigError)) throw error;
      files.push({ path: abs, ok: false, error: error.message, line: error.line });
    }
  }
  const merged = mergeKubeconfigs(loaded);
  const contexts = resolveContexts(merged).map((r) => ({
    ...toPublicView(r),
    current: r.name === merged.currentContext,
  }));
  return {
    ok: files.every((f) => f.ok) && contexts.every((c) => c.ok),
    files,
    currentContext: merged.currentContext,
    contexts,
    problems: merged.problems,
  };
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The human form: one row per context, its problems indented below it. */
export function formatReport(report: CheckReport): string {
  const lines: string[] = [];
  for (const f of report.files) if (!f.ok) lines.push(`error: ${f.error}`);
  for (const p of report.problems) lines.push(`${p.severity}: ${p.message}`);
  if (lines.length > 0) lines.push('');
  if (report.contexts.length === 0) {
    lines.push(report.files.some((f) => f.ok) ? 'No contexts found.' : 'No kubeconfig could be read.');
  } else {
    const header = ['', 'CONTEXT', 'SERVER', 'AUTH', 'NAMESPACE', 'STATUS'];
    const rows = report.contexts.map((c) => {
      const errors = c.problems.filter((p) => p.severity === 'error').length;
      const warnings = c.problems.length - errors;
      const status =
        errors > 0
          ? `BROKEN (${plural(errors, 'error')})`
          : warnings > 0
            ? `ok (${plural(warnings, 'warning')})`
            : 'ok';
      return [c.current ? '*' : '', c.name, c.server ?? '-', c.authKind, c.namespace ?? '-', status];
    });
    const rendered = table([header, ...rows]);
    lines.push(rendered[0]!);
    report.contexts.forEach((c, i) => {
      lines.push(rendered[i + 1]!);
      if (c.credentialCommand) lines.push(`    runs: ${c.credentialCommand.commandLine}`);
      for (const p of c.problems) lines.push(`    ${p.severity}: ${p.message}`);
    });
    const broken = report.contexts.filter((c) => !c.ok).length;
    lines.push('', `${plural(report.contexts.length, 'context')}, ${broken} broken.`);
  }
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
