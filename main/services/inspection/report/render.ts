/** Inspection reports as JSON, a text table, CSV and a self-contained HTML page. Pure functions. */
import { summarize, type FindingSummary } from '../score';
import type { Finding, InspectionResult } from '../types';

export interface ReportInput {
  title: string;
  /** What was inspected, e.g. the manifest paths. */
  subject: string;
  result: InspectionResult;
  /** Input problems (bad manifests …) to show beside the findings. */
  problems?: Array<{ file: string; line?: number; column?: number; message: string }>;
  generatedAt?: string;
}

const severityOrder = { danger: 0, warning: 1, info: 2 } as const;

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityOrder[a.severity] - severityOrder[b.severity] ||
      a.object.cluster.localeCompare(b.object.cluster) ||
      a.object.namespace.localeCompare(b.object.namespace) ||
      a.object.kind.localeCompare(b.object.kind) ||
      a.object.name.localeCompare(b.object.name) ||
      a.checkId.localeCompare(b.checkId) ||
      a.path.localeCompare(b.path),
  );
}

export interface JsonReport {
  title: string;
  subject: string;
  score: number;
  grade: string;
  results: InspectionResult['results'];
  objectsInspected: number;
  checksRun: number;
  summary: FindingSummary;
  problems: NonNullable<ReportInput['problems']>;
  findings: Array<{
    checkId: string;
    title: string;
    severity: string;
    category: string;
    set: string;
    message: string;
    remediation: string;
    path: string;
    object: { cluster: string; apiVersion: string; kind: string; namespace: string; name: string };
  }>;
}

export function toJsonReport(input: ReportInput): JsonReport {
  const r = input.result;
  return {
    title: input.title,
    subject: input.subject,
    score: r.score,
    grade: r.grade,
    results: r.results,
    objectsInspected: r.objectsInspected,
    checksRun: r.checksRun,
    summary: summarize(r.findings),
    problems: input.problems ?? [],
    findings: sortFindings(r.findings).map((f) => ({
      checkId: f.checkId,
      title: f.title,
      severity: f.severity,
      category: f.category,
      set: f.set,
      message: f.message,
      remediation: f.remediation,
      path: f.path,
      object: {
        cluster: f.object.cluster,
        apiVersion: f.object.group ? `${f.object.group}/${f.object.version}` : f.object.version,
        kind: f.object.kind,
        namespace: f.object.namespace,
        name: f.object.name,
      },
    })),
  };
}

const objectLabel = (f: Finding) =>
  `${f.object.kind}/${f.object.namespace ? f.object.namespace + '/' : ''}${f.object.name}`;

export function toTable(input: ReportInput): string {
  const r = input.result;
  // A CLUSTER column when the findings come from more than one cluster (a fleet snapshot …).
  const multi = new Set(r.findings.map((f) => f.object.cluster)).size > 1;
  const rows = sortFindings(r.findings).map((f) => [
    f.severity.toUpperCase(),
    f.checkId,
    ...(multi ? [f.object.cluster] : []),
    objectLabel(f),
    f.path,
    f.message,
  ]);
  const head = ['SEVERITY', 'CHECK', ...(multi ? ['CLUSTER'] : []), 'OBJECT', 'PATH', 'MESSAGE'];
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((row) => row[i]!.length))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const s = summarize(r.findings);
  const counts = ['danger', 'warning', 'info'].map((k) => `${s.bySeverity[k] ?? 0} ${k}`).join(', ');
  return [
    ...(rows.length ? [line(head), ...rows.map(line), ''] : []),
    `${input.subject}: ${r.objectsInspected} objects, ${r.checksRun} checks — ${counts}. Score ${r.score} (grade ${r.grade}).`,
    '',
  ].join('\n');
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function toCsv(input: ReportInput): string {
  const head = ['severity', 'checkId', 'category', 'cluster', 'kind', 'namespace', 'name', 'path', 'message'];
  const rows = sortFindings(input.result.findings).map((f) =>
    [
      f.severity,
      f.checkId,
      f.category,
      f.object.cluster,
      f.object.kind,
      f.object.namespace,
      f.object.name,
      f.path,
      f.message,
    ]
      .map(csvCell)
      .join(','),
  );
  return [head.join(','), ...rows, ''].join('\n');
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
