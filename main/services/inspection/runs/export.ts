/** A stored run as JSON, CSV or a self-contained HTML report (the CLI's report renderers). */
import type { FindingRecord, RunRecord } from '../../../store/inspections';
import { toHtml } from '../report/html';
import { toCsv, toJsonReport, type ReportInput } from '../report/render';
import type { Category, CheckSetId, Finding, Severity } from '../types';

export type ExportFormat = 'json' | 'csv' | 'html';

export function reportInput(run: RunRecord, findings: Iterable<FindingRecord>): ReportInput {
  const list: Finding[] = [];
  for (const f of findings)
    list.push({
      checkId: f.checkId,
      set: f.set as CheckSetId,
      title: f.title,
      severity: f.severity as Severity,
      category: f.category as Category,
      message: f.message,
      remediation: f.remediation,
      path: f.path,
      object: {
        source: f.source,
        cluster: f.cluster,
        group: f.group,
        version: f.version,
        kind: f.kind,
        namespace: f.namespace,
        name: f.name,
      },
    });
  return {
    title: `Flotilla inspection — ${run.label}`,
    subject: run.label,
    generatedAt: run.finishedAt ?? run.startedAt,
    result: {
      startedAt: run.startedAt,
      finishedAt: run.finishedAt ?? run.startedAt,
      scope: {},
      objectsInspected: run.objects,
      checksRun: run.checksRun,
      findings: list,
      results: run.results,
      score: run.score,
      grade: run.grade,
    },
  };
}

export function renderExport(format: ExportFormat, input: ReportInput): string {
  if (format === 'json') return `${JSON.stringify(toJsonReport(input), null, 2)}\n`;
  if (format === 'csv') return toCsv(input);
  return toHtml(input);
}

export function exportFileName(run: RunRecord, format: ExportFormat): string {
  const slug = run.label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `inspection-${slug || 'run'}-${run.startedAt.slice(0, 10)}.${format}`;
}
