import { parseAllDocuments, stringify } from 'yaml';

/** YAML text for the editor, and the problems of edited text as editor markers (1-based). */

export interface TextProblem {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
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
    });
  }
  return problems;
}
