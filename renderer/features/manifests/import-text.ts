/** Pure wording and grouping for the import result page. */
import type { FileIssue, ImportResult } from '../../../shared/contract/sources';

/** "dir/deploy.yaml:12:3" — file, then line and column when the parser knew them. */
export const issuePlace = (i: Pick<FileIssue, 'file' | 'line' | 'column'>): string =>
  `${i.file}${i.line ? `:${i.line}${i.column ? `:${i.column}` : ''}` : ''}`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "93 objects of 5 kinds in 2 namespaces · 1 error, 2 warnings" */
export function importSummary(r: ImportResult): string {
  const kinds = new Set(r.inventory.map((x) => x.kind)).size;
  const namespaces = new Set(r.inventory.map((x) => x.namespace).filter(Boolean)).size;
  const errors = r.issues.filter((i) => i.level === 'error').length;
  const warnings = r.issues.length - errors;
  const parts = [
    `${plural(r.source.objects, 'object')} of ${plural(kinds, 'kind')} in ${plural(namespaces, 'namespace')}`,
  ];
  if (errors || warnings) {
    parts.push(
      [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '']
        .filter(Boolean)
        .join(', '),
    );
  } else parts.push('no problems');
  return parts.join(' · ');
}

export interface InventoryGrid {
  /** Namespaces as columns ('' = cluster-scoped, shown last). */
  namespaces: string[];
  rows: Array<{ kind: string; total: number; counts: Record<string, number> }>;
  totals: Record<string, number>;
}

/** The inventory as a kind × namespace grid, kinds by count then name. */
export function inventoryGrid(inventory: ImportResult['inventory']): InventoryGrid {
  const namespaces = [...new Set(inventory.map((r) => r.namespace))].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
  );
  const byKind = new Map<string, Record<string, number>>();
  const totals: Record<string, number> = {};
  for (const r of inventory) {
    const counts = byKind.get(r.kind) ?? {};
    counts[r.namespace] = (counts[r.namespace] ?? 0) + r.count;
    byKind.set(r.kind, counts);
    totals[r.namespace] = (totals[r.namespace] ?? 0) + r.count;
  }
  const rows = [...byKind]
    .map(([kind, counts]) => ({ kind, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.kind.localeCompare(b.kind));
  return { namespaces, rows, totals };
}

export const namespaceLabel = (ns: string): string => ns || 'cluster-scoped';

/** Words for an apply outcome, on a dry run ("would be created") or for real. */
export function outcomeText(outcome: string, dryRun: boolean): string {
  if (outcome === 'failed') return 'failed';
  if (outcome === 'skipped') return dryRun ? 'checked at apply' : 'skipped';
  return dryRun ? `would be ${outcome}` : outcome;
}
