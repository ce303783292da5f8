/**
 * Sonobuoy results (the tarball `sonobuoy retrieve` writes) as a tree: plugins → pass/fail/skip
 * counts and tests, failures with their messages. Per plugin, `plugins/<name>/sonobuoy_results.yaml`
 * (Sonobuoy's processed item tree) is read when present, otherwise the JUnit files under
 * `plugins/<name>/results/` (e.g. results/global/junit_01.xml of the e2e plugin).
 */
import { parse as parseYaml } from 'yaml';
import { readTar, type TarEntry } from './tar';

export type TestStatus = 'passed' | 'failed' | 'skipped';

export interface ConformanceTest {
  name: string;
  status: TestStatus;
  message?: string;
  durationSeconds?: number;
}

export interface ConformancePlugin {
  name: string;
  status: string;
  passed: number;
  failed: number;
  skipped: number;
  tests: ConformanceTest[];
}

export class ResultsError extends Error {}

const MAX_TESTS = 5000;

/** Sonobuoy item statuses to a test status ('complete' is a raw result that was produced). */
function statusOf(s: unknown): TestStatus {
  const v = String(s ?? '').toLowerCase();
  if (v === 'passed' || v === 'complete') return 'passed';
  if (v === 'skipped') return 'skipped';
  return 'failed';
}

interface Item {
  name?: unknown;
  status?: unknown;
  details?: Record<string, unknown>;
  items?: Item[];
}

function messageOf(details: Record<string, unknown> | undefined): string | undefined {
  if (!details) return undefined;
  const parts = ['failure', 'error', 'message', 'system-out']
    .map((k) => details[k])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return parts.length ? parts.join('\n\n') : undefined;
}

function leavesOf(item: Item, out: ConformanceTest[]): void {
  if (item.items?.length) {
    for (const child of item.items) leavesOf(child, out);
    return;
  }
  const status = statusOf(item.status);
  const message = status === 'failed' ? messageOf(item.details) : undefined;
  out.push({ name: String(item.name ?? '(unnamed)'), status, ...(message ? { message } : {}) });
}

/** Tests of a processed sonobuoy_results.yaml (every leaf of the item tree). */
export function parseResultsYaml(text: string, file: string): { status: string; tests: ConformanceTest[] } {
  let root: Item;
  try {
    root = parseYaml(text) as Item;
  } catch (e) {
    throw new ResultsError(`${file}: not YAML (${(e as Error).message})`);
  }
  if (!root || typeof root !== 'object') throw new ResultsError(`${file}: not a Sonobuoy results tree`);
  const tests: ConformanceTest[] = [];
  for (const child of root.items ?? []) leavesOf(child, tests);
  return { status: String(root.status ?? 'unknown'), tests };
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
        )
      : (entities[e] ?? m),
  );

/** XML text: entities decoded, CDATA sections kept as they are. */
function decode(s: string): string {
  return s
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
    .join('');
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
    out[m[1]!] = decode(m[3] ?? m[4] ?? '');
  return out;
}

/** Tests of a JUnit XML file (<testcase> with <failure>, <error> or <skipped>). */
export function parseJUnit(xml: string, file: string): ConformanceTest[] {
  if (!/<testsuites?\b/.test(xml)) throw new ResultsError(`${file}: not a JUnit file (no <testsuite>)`);
  const tests: ConformanceTest[] = [];
  const re = /<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const m of xml.matchAll(re)) {
    const a = attrs(m[1]!);
    const body = m[2] ?? '';
    const fail = /<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/.exec(body);
    const skipped = /<skipped\b/.test(body);
    const time = Number(a.time);
    const test: ConformanceTest = {
      name: a.name ?? '(unnamed)',
      status: fail ? 'failed' : skipped ? 'skipped' : 'passed',
      ...(Number.isFinite(time) && a.time !== undefined ? { durationSeconds: time } : {}),
    };
    if (fail) {
      const fa = attrs(fail[2]!);
      const message = [fa.message, decode(fail[3] ?? '').trim()].filter(Boolean).join('\n\n');
      if (message) test.message = message;
    }
    tests.push(test);
  }
  return tests;
}

const order: Record<TestStatus, number> = { failed: 0, skipped: 1, passed: 2 };

function plugin(name: string, status: string, tests: ConformanceTest[]): ConformancePlugin {
  const count = (s: TestStatus) => tests.filter((t) => t.status === s).length;
  const failed = count('failed');
  return {
    name,
    status: status === 'unknown' ? (failed ? 'failed' : 'passed') : status,
    passed: count('passed'),
    failed,
    skipped: count('skipped'),
    tests: [...tests]
      .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name))
      .slice(0, MAX_TESTS),
  };
}

/** The plugins of an archive's files. */
export function resultsFromEntries(entries: readonly TarEntry[], file: string): ConformancePlugin[] {
  const byPlugin = new Map<string, Map<string, Buffer>>();
  for (const e of entries) {
    const m = /(?:^|\/)plugins\/([^/]+)\/(.+)$/.exec(e.path);
    if (!m) continue;
    const files = byPlugin.get(m[1]!) ?? new Map<string, Buffer>();
    files.set(m[2]!, e.data);
    byPlugin.set(m[1]!, files);
  }
  const plugins: ConformancePlugin[] = [];
  for (const [name, files] of [...byPlugin].sort(([a], [b]) => a.localeCompare(b))) {
    const processed = files.get('sonobuoy_results.yaml');
    if (processed) {
      const r = parseResultsYaml(
        processed.toString('utf8'),
        `${file}: plugins/${name}/sonobuoy_results.yaml`,
      );
      plugins.push(plugin(name, r.status, r.tests));
      continue;
    }
    const xml = [...files].filter(([p]) => p.startsWith('results/') && p.endsWith('.xml'));
    if (!xml.length) continue;
    const tests = xml.flatMap(([p, data]) =>
      parseJUnit(data.toString('utf8'), `${file}: plugins/${name}/${p}`),
    );
    plugins.push(plugin(name, 'unknown', tests));
  }
  if (!plugins.length)
    throw new ResultsError(
      `${file}: no plugin results in it (expected plugins/<name>/sonobuoy_results.yaml or plugins/<name>/results/**/*.xml, as \`sonobuoy retrieve\` writes)`,
    );
  return plugins;
}

/** Reads a results tarball (.tar.gz or .tar). Errors name the file and what is wrong. */
export function readSonobuoyResults(data: Buffer, file: string): ConformancePlugin[] {
  let entries: TarEntry[];
  try {
    entries = readTar(data);
  } catch (e) {
    throw new ResultsError(`${file}: ${(e as Error).message}`);
  }
  return resultsFromEntries(entries, file);
}
