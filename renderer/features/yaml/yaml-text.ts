import { parseAllDocuments, stringify } from 'yaml';

/** YAML text for the editor, and the problems of edited text as editor markers (1-based). */

export interface TextProblem {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A YAML syntax error (the language service marks these too), not a problem with the documents. */
  syntax: boolean;
}

export function toYaml(object: unknown): string {
  return stringify(object, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function yamlProblems(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    for (const e of doc.errors) {
      const [start, end] = e.linePos ?? [{ line: 1, col: 1 }];
      problems.push({
        message: e.message.split('\n')[0] ?? e.message,
        line: start.line,
        column: start.col,
        endLine: end?.line ?? start.line,
        endColumn: end?.col ?? start.col + 1,
        syntax: true,
      });
    }
  }
  const real = list.filter((d) => d.contents !== null);
  if (problems.length === 0 && real.length !== 1) {
    problems.push({
      message: `The editor applies exactly one object; this text holds ${real.length} documents.`,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      syntax: false,
    });
  }
  return problems;
}

export interface TextKind {
  group: string;
  version: string;
  kind: string;
}

/** A top-level scalar (`key: value` at column 1), unquoted, without a trailing comment. */
function topLevel(text: string, key: string): string | undefined {
  const m = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(text);
  if (!m) return undefined;
  const raw = m[1]!.replace(/\s+#.*$/, '').trim();
  const value = /^(["'])(.*)\1$/.exec(raw)?.[2] ?? raw;
  return value && !/[\s{}[\]]/.test(value) ? value : undefined;
}

/**
 * The object's group, version and kind from its top-level `apiVersion:` and `kind:` lines, cheaply
 * (no parse, so it can run on every keystroke), or undefined while either is missing.
 */
export function kindOfText(text: string): TextKind | undefined {
  const apiVersion = topLevel(text, 'apiVersion');
  const kind = topLevel(text, 'kind');
  if (!apiVersion || !kind) return undefined;
  const cut = apiVersion.lastIndexOf('/');
  const group = cut < 0 ? '' : apiVersion.slice(0, cut);
  const version = cut < 0 ? apiVersion : apiVersion.slice(cut + 1);
  return version ? { group, version, kind } : undefined;
}
