import type { Db } from '../db';
import { findingIdentity, hash53 } from './identity';
import type { RunIndex } from './run-index';
import {
  sevName,
  sevRank,
  type CountRowRecord,
  type FindingFilter,
  type FindingInput,
  type FindingRecord,
} from './types';

interface FindingRow {
  check_id: string;
  sev: number;
  category: string;
  message: string;
  path: string;
  source: string;
  cluster: string;
  api_group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

/** WHERE clause (after run_id = ?) and its parameters for a filter. */
function filterSql(f: FindingFilter, alias = ''): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const inList = (col: string, values: readonly (string | number)[] | undefined) => {
    if (!values?.length) return;
    parts.push(`${alias}${col} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  inList(
    'sev',
    f.severity?.map((s) => sevRank[s]),
  );
  inList('category', f.category);
  inList('check_id', f.checkId);
  inList('cluster', f.cluster);
  inList('namespace', f.namespace);
  inList('kind', f.kind);
  const text = f.text?.trim().toLowerCase();
  if (text) {
    parts.push(
      `(instr(lower(${alias}name), ?) > 0 OR instr(lower(${alias}namespace), ?) > 0 OR instr(lower(${alias}message), ?) > 0 OR instr(lower(${alias}check_id), ?) > 0)`,
    );
    params.push(text, text, text, text);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** The findings table's order; `id` (insertion order: object, then check) keeps it served by an index. */
const ORDER = 'ORDER BY sev, cluster, namespace, kind, name, id';

/** Writes a part of a run's findings in one transaction. */
export function createFindingWriter(db: Db) {
  const insertFinding = db.prepare(
    `INSERT INTO inspection_findings (run, fkey, check_id, sev, category, message, path, source, cluster,
       api_group, version, kind, namespace, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (num: number) =>
    db.transaction((part: readonly FindingInput[]) => {
      for (const f of part) {
        const o = f.object;
        insertFinding.run(
          num,
          hash53(findingIdentity(f)),
          f.checkId,
          sevRank[f.severity],
          f.category,
          f.message,
          f.path,
          o.source,
          o.cluster,
          o.group,
          o.version,
          o.kind,
          o.namespace,
          o.name,
        );
      }
    });
}

/** Reading a run's findings: pages in the table's order, counts, exports and the diff of two runs. */
export function createFindingQueries(db: Db, index: RunIndex) {
  const { numOf } = index;
  const toFinding = (runId: string, r: FindingRow): FindingRecord => {
    const meta = index.checks(runId)[r.check_id];
    return {
      checkId: r.check_id,
      set: meta?.set ?? 'polaris',
      title: meta?.title ?? r.check_id,
      severity: sevName[r.sev]!,
      category: r.category,
      message: r.message,
      remediation: meta?.remediation ?? '',
      path: r.path,
      source: r.source,
      cluster: r.cluster,
      group: r.api_group,
      version: r.version,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
    };
  };

  return {
    /** Title, remediation and set of each check that has findings in the run. */
    checkMeta: index.checks,

    /** False when a run had findings but they were pruned. */
    hasFindings(runId: string): boolean {
      const run = db.prepare('SELECT findings FROM inspection_runs WHERE id = ?').get(runId) as
        { findings: number } | undefined;
      if (!run || run.findings === 0) return true;
      return !!db.prepare('SELECT 1 FROM inspection_findings WHERE run = ? LIMIT 1').get(numOf(runId));
    },

    /** Finding counts per severity grouped by cluster, cluster+namespace, or check. */
    countsBy(runId: string, by: 'cluster' | 'namespace' | 'check'): CountRowRecord[] {
      const cols =
        by === 'cluster'
          ? "cluster, '' AS namespace, cluster AS key"
          : by === 'namespace'
            ? "cluster, namespace, cluster || '/' || namespace AS key"
            : "'' AS cluster, '' AS namespace, check_id AS key";
      const group = by === 'cluster' ? 'cluster' : by === 'namespace' ? 'cluster, namespace' : 'check_id';
      return db
        .prepare(
          `SELECT ${cols}, MIN(category) AS category, MIN(sev) AS sev, SUM(sev = 0) AS danger, SUM(sev = 1) AS warning, SUM(sev = 2) AS info
           FROM inspection_findings WHERE run = ? GROUP BY ${group}
           ORDER BY danger DESC, warning DESC, info DESC, key`,
        )
        .all(numOf(runId)) as CountRowRecord[];
    },

    findings(
      runId: string,
      filter: FindingFilter,
      offset: number,
      limit: number,
    ): { total: number; items: FindingRecord[] } {
      const f = filterSql(filter);
      const total = (
        db
          .prepare(`SELECT COUNT(*) AS n FROM inspection_findings WHERE run = ?${f.sql}`)
          .get(numOf(runId), ...f.params) as { n: number }
      ).n;
      const rows = db
        .prepare(`SELECT * FROM inspection_findings WHERE run = ?${f.sql} ${ORDER} LIMIT ? OFFSET ?`)
        .all(numOf(runId), ...f.params, limit, offset) as FindingRow[];
      return { total, items: rows.map((r) => toFinding(runId, r)) };
    },

    /** Every finding of a run (exports), in the table's order. */
    *allFindings(runId: string): Generator<FindingRecord> {
      const stmt = db.prepare(`SELECT * FROM inspection_findings WHERE run = ? ${ORDER}`);
      for (const r of stmt.iterate(numOf(runId)) as Iterable<FindingRow>) yield toFinding(runId, r);
    },

    /**
     * Diff of run b against run a: new (in b only), fixed (in a only), unchanged (in both, b's rows);
     * counts for all three and a page of the one asked for, filtered.
     */
    diff(
      a: string,
      b: string,
      status: 'new' | 'fixed' | 'unchanged',
      filter: FindingFilter,
      offset: number,
      limit: number,
    ) {
      const exists = 'EXISTS (SELECT 1 FROM inspection_findings g WHERE g.run = ? AND g.fkey = f.fkey)';
      const count = (run: string, other: string, present: boolean) =>
        (
          db
            .prepare(
              `SELECT COUNT(*) AS n FROM inspection_findings f WHERE f.run = ? AND ${present ? '' : 'NOT '}${exists}`,
            )
            .get(numOf(run), numOf(other)) as { n: number }
        ).n;
      const counts = { new: count(b, a, false), fixed: count(a, b, false), unchanged: count(b, a, true) };
      const [run, other, present] =
        status === 'new' ? [b, a, false] : status === 'fixed' ? [a, b, false] : [b, a, true];
      const fs = filterSql(filter, 'f.');
      const cond = `f.run = ? AND ${present ? '' : 'NOT '}${exists}${fs.sql}`;
      const total = (
        db
          .prepare(`SELECT COUNT(*) AS n FROM inspection_findings f WHERE ${cond}`)
          .get(numOf(run), numOf(other), ...fs.params) as { n: number }
      ).n;
      const rows = db
        .prepare(
          `SELECT f.* FROM inspection_findings f WHERE ${cond}
           ORDER BY f.sev, f.cluster, f.namespace, f.kind, f.name, f.id LIMIT ? OFFSET ?`,
        )
        .all(numOf(run), numOf(other), ...fs.params, limit, offset) as FindingRow[];
      return { counts, total, items: rows.map((r) => toFinding(run, r)) };
    },
  };
}
