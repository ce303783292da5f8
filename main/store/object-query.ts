import { parseSelector, type Requirement } from '../../shared/objects/selector';
import type { ObjectPageQuery, SearchQuery, SortKey } from '../../shared/objects/page';
import type { ObjectQuery } from '../../shared/objects/types';
import { intersect, planSearch, type SearchPlan } from './search-plan';

/**
 * Pure SQL building for the object table: filters, label selectors, whitelisted sorts, keyset
 * cursors and search terms. Every value travels as a bound parameter; only whitelisted column
 * expressions are ever spliced into the text.
 */

export type Param = string | number;
export interface Fragment {
  sql: string;
  params: Param[];
}

export class QueryError extends Error {
  readonly code = 'INVALID_ARGUMENT';
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

/** The sort columns (plain columns, so their indexes serve ORDER BY … LIMIT). */
export const SORT_SQL: Record<SortKey, string> = {
  name: 'o.name',
  namespace: 'o.namespace',
  cluster: 'o.cluster',
  kind: 'o.kind',
  created: 'o.created',
  status: 'o.status',
  node: 'o.node_name',
  ready: 'o.ready',
  restarts: 'o.restarts',
};

/**
 * The same columns with NULL folded to a value below every real one ('' or -1), for keyset
 * comparisons: SQLite sorts NULL first, so the order is the same and the comparison is total.
 */
export const KEYSET_SQL: Record<SortKey, string> = {
  ...SORT_SQL,
  status: "COALESCE(o.status, '')",
  node: "COALESCE(o.node_name, '')",
  ready: 'COALESCE(o.ready, -1)',
  restarts: 'COALESCE(o.restarts, -1)',
};

const placeholders = (n: number) => new Array(n).fill('?').join(', ');

/** LIKE pattern for a substring, with %, _ and \ escaped (use with ESCAPE '\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Label tokens of an object for `object_label_index`: `key=value` and `k:key` per label, and
 * `_all_` on every row (so NOT has something to subtract from). Upper-case letters are written
 * `^` + lower-case, because the tokenizer folds case and label values are case-sensitive.
 */
export function labelTokens(labels: Record<string, string>): string {
  const out = ['_all_'];
  for (const [k, v] of Object.entries(labels))
    out.push(`${encodeCase(k)}=${encodeCase(v)}`, `k:${encodeCase(k)}`);
  return out.join(' ');
}

const encodeCase = (s: string) => s.replace(/[A-Z]/g, (c) => `^${c.toLowerCase()}`);
const token = (t: string) => `"${t}"`;

/** The full-text query matching exactly the objects a selector selects (undefined: no selector). */
export function labelMatch(reqs: readonly Requirement[]): string | undefined {
  if (reqs.length === 0) return undefined;
  const terms = (r: Requirement) =>
    r.op === 'exists' || r.op === 'notexists'
      ? token(`k:${encodeCase(r.key)}`)
      : `(${r.values.map((v) => token(`${encodeCase(r.key)}=${encodeCase(v)}`)).join(' OR ')})`;
  const positive = reqs.filter((r) => r.op === 'eq' || r.op === 'in' || r.op === 'exists').map(terms);
  const negative = reqs.filter((r) => r.op === 'neq' || r.op === 'notin' || r.op === 'notexists').map(terms);
  const base = positive.length ? positive.join(' AND ') : token('_all_');
  return negative.length ? `(${base}) NOT (${negative.join(' OR ')})` : base;
}

function inList(column: string, values: readonly string[] | undefined): Fragment | undefined {
  if (values === undefined) return undefined;
  if (values.length === 0) return { sql: '0', params: [] };
  return { sql: `${column} IN (${placeholders(values.length)})`, params: [...values] };
}

/**
 * Rows in any of the (cluster, namespace) pairs. The pairs travel as one JSON parameter (no limit
 * on bound variables is reached); their distinct namespaces are also listed as plain values, so
 * the (source, kind, namespace) index seeks to them instead of scanning the kind (a workspace has
 * few namespaces; past NAMESPACE_SEEK_MAX the namespaces come from the JSON too). No pairs match nothing.
 */
export function scopeMatch(scopes: ReadonlyArray<{ cluster: string; namespace: string }>): Fragment {
  if (scopes.length === 0) return { sql: '0', params: [] };
  const pairs = JSON.stringify(scopes.map((s) => [s.cluster, s.namespace]));
  const namespaces = [...new Set(scopes.map((s) => s.namespace))];
  const seek: Fragment =
    namespaces.length <= NAMESPACE_SEEK_MAX
      ? { sql: `o.namespace IN (${placeholders(namespaces.length)})`, params: namespaces }
      : { sql: "o.namespace IN (SELECT json_extract(value, '$[1]') FROM json_each(?))", params: [pairs] };
  return {
    sql: `${seek.sql} AND (o.cluster, o.namespace) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
    params: [...seek.params, pairs],
  };
}

const NAMESPACE_SEEK_MAX = 200;

/** The parsed requirements of a query's label selector (QueryError naming the column when bad). */
export function requirementsOf(q: ObjectQuery): Requirement[] {
  if (!q.labelSelector || !q.labelSelector.trim()) return [];
  try {
    return parseSelector(q.labelSelector);
  } catch (error) {
    throw new QueryError(`labelSelector: ${(error as Error).message}`);
  }
}

/**
 * The WHERE clause (without the keyword) for a query; '1' when nothing filters. With
 * `labelsAsFilter`, the label match only filters rows the other indexes found (`+o.id` keeps
 * SQLite from looping over the label matches first): right when the selector matches many rows.
 */
export function whereFor(q: ObjectPageQuery, labelsAsFilter = false): Fragment {
  const parts: Fragment[] = [];
  if (q.source !== undefined) parts.push({ sql: 'o.source = ?', params: [q.source] });
  for (const f of [
    inList('o.cluster', q.clusters),
    inList('o.kind', q.kinds),
    inList('o.namespace', q.namespaces),
    inList('o.status', q.statuses),
  ]) {
    if (f) parts.push(f);
  }
  if (q.scopes) parts.push(scopeMatch(q.scopes));
  if (q.nodeName !== undefined) parts.push({ sql: 'o.node_name = ?', params: [q.nodeName] });
  if (q.owner) {
    parts.push({ sql: 'o.owner_kind = ? AND o.owner_name = ?', params: [q.owner.kind, q.owner.name] });
  }
  const match = labelMatch(requirementsOf(q));
  if (match) {
    parts.push({
      sql: `${labelsAsFilter ? '+' : ''}o.id IN (SELECT rowid FROM object_label_index WHERE object_label_index MATCH ?)`,
      params: [match],
    });
  }
  const text = q.text?.trim();
  if (text) parts.push({ sql: "o.name LIKE ? ESCAPE '\\'", params: [likeContains(text)] });
  if (parts.length === 0) return { sql: '1', params: [] };
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

export interface Cursor {
  value: Param;
  id: number;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.value, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new QueryError('after: not a cursor returned by a previous page');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !(typeof parsed[0] === 'string' || typeof parsed[0] === 'number') ||
    typeof parsed[1] !== 'number'
  ) {
    throw new QueryError('after: not a cursor returned by a previous page');
  }
  return { value: parsed[0], id: parsed[1] };
}

export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 100;

export interface PageSql {
  select: Fragment;
  count: Fragment;
  sortExpr: string;
  limit: number;
  offset: number;
}

/** The SELECT for one page (rows come back with `sort_value`) and the COUNT over the same filter. */
export function pageSql(q: ObjectPageQuery, columns: string, labelsAsFilter = false): PageSql {
  const sort = q.sort ?? 'name';
  const sortExpr = SORT_SQL[sort];
  if (!sortExpr)
    throw new QueryError(`sort: "${String(sort)}" is not one of ${Object.keys(SORT_SQL).join(', ')}`);
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const limit = Math.min(Math.max(1, Math.floor(q.limit ?? DEFAULT_PAGE)), MAX_PAGE);
  const offset = q.after ? 0 : Math.max(0, Math.floor(q.offset ?? 0));
  const where = whereFor(q, labelsAsFilter);
  const from = 'objects o';
  let keyset: Fragment | undefined;
  if (q.after) {
    const c = decodeCursor(q.after);
    keyset = {
      sql: `(${KEYSET_SQL[sort]}, o.id) ${dir === 'ASC' ? '>' : '<'} (?, ?)`,
      params: [c.value, c.id],
    };
  }
  const whereSql = keyset ? `${where.sql} AND ${keyset.sql}` : where.sql;
  const select: Fragment = {
    sql: `SELECT ${columns}, ${KEYSET_SQL[sort]} AS sort_value FROM ${from} WHERE ${whereSql} ORDER BY ${sortExpr} ${dir}, o.id ${dir} LIMIT ? OFFSET ?`,
    params: [...where.params, ...(keyset?.params ?? []), limit, offset],
  };
  const count: Fragment = {
    sql: `SELECT count(*) AS n FROM ${from} WHERE ${where.sql}`,
    params: where.params,
  };
  return { select, count, sortExpr, limit, offset };
}

/** Search totals stop counting here (the UI shows "1000+"). */
export const SEARCH_COUNT_CAP = 1000;

/**
 * SQL for a fleet-wide search (see planSearch for what the text may hold), in bounded steps so a
 * broad word or label never sorts thousands of rows. Kinds, namespaces, clusters and labels filter
 * every step; words:
 * 1. `prefix`: names starting with the first word (exact name first), through the name or kind
 *    index, in name order; the other words must appear in the row's search text. With no words:
 *    the first `limit` rows passing the filters, in name order, or when labels are asked for, the
 *    first `limit` the label index yields (then sorted by name).
 * 2. `rest`: when the first step found fewer than `limit`, any other row holding every word,
 *    through the trigram index (words of three characters or more; shorter ones filter).
 * `count` counts matches up to SEARCH_COUNT_CAP. `kindsInCache` (kindsReader) lets a word name a
 * custom resource's kind too; without it, only built-in kinds are recognised.
 */
export function searchSql(
  q: SearchQuery,
  columns: string,
  kindsInCache?: readonly string[],
): { prefix: Fragment; rest?: (exclude: number[], limit: number) => Fragment; count: Fragment } | undefined {
  const plan = planSearch(q.text, kindsInCache);
  const labels = labelMatch(plan.requirements);
  if (plan.words.length === 0 && !labels && !plan.kinds && !plan.namespaces && !plan.clusters) {
    return undefined;
  }
  const kinds = intersect(plan.kinds, q.kinds);
  // a namespace without a kind: every kind of the source, so that the (source, kind, namespace)
  // index serves it
  const seekKindsOf = !kinds && plan.namespaces ? q.source : undefined;
  // with words and no kind to seek, the name index drives: `+` keeps SQLite from reading a whole
  // source or cluster through their indexes instead
  const drive = (column: string) =>
    plan.words.length > 0 && !kinds && seekKindsOf === undefined ? `+${column}` : column;
  const filters: Fragment[] = [];
  if (q.source !== undefined) filters.push({ sql: `${drive('o.source')} = ?`, params: [q.source] });
  const clusters = inList(drive('o.cluster'), intersect(plan.clusters, q.clusters));
  if (clusters) filters.push(clusters);
  const kindList = inList('o.kind', kinds);
  if (kindList) filters.push(kindList);
  else if (seekKindsOf !== undefined) filters.push(kindsOf(seekKindsOf));
  const namespaces = inList('o.namespace', plan.namespaces);
  if (namespaces) filters.push(namespaces);
  // Events are not in the trigram index: they are found only when their kind is asked for
  if (!kinds) filters.push({ sql: "o.kind != 'Event'", params: [] });
  const and = (parts: Fragment[]): Fragment => ({
    sql: parts.map((f) => `(${f.sql})`).join(' AND '),
    params: parts.flatMap((f) => f.params),
  });
  const capped = (from: string, where: Fragment): Fragment => ({
    sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where.sql} LIMIT ${SEARCH_COUNT_CAP})`,
    params: where.params,
  });

  if (plan.words.length === 0) {
    if (!labels) {
      const where = and(filters);
      return {
        prefix: {
          sql: `SELECT ${columns} FROM objects o WHERE ${where.sql} ORDER BY o.name, o.id LIMIT ?`,
          params: where.params,
        },
        count: capped('objects o', where),
      };
    }
    // the label index drives: a label on half the fleet stops at `limit` rows instead of sorting them all
    const from = 'object_label_index l JOIN objects o ON o.id = l.rowid';
    const where = and([{ sql: 'object_label_index MATCH ?', params: [labels] }, ...filters]);
    return {
      prefix: {
        sql: `WITH hits AS MATERIALIZED (SELECT ${columns} FROM ${from} WHERE ${where.sql} LIMIT ?) SELECT * FROM hits ORDER BY name, id`,
        params: where.params,
      },
      count: capped(from, where),
    };
  }

  // with words, the words' rows drive and a label only filters them (its rows listed once, `+` so
  // that SQLite does not sort every row carrying a common label)
  if (labels) {
    filters.push({
      sql: '+o.id IN (SELECT rowid FROM object_label_index WHERE object_label_index MATCH ?)',
      params: [labels],
    });
  }
  const like = (t: string): Fragment => ({ sql: "o.search LIKE ? ESCAPE '\\'", params: [likeContains(t)] });
  const [first, ...others] = plan.words;
  const prefixWhere = and([
    { sql: 'o.name >= ? AND o.name < ?', params: [first, `${first}\uffff`] },
    ...others.map(like),
    ...filters,
  ]);
  const prefix: Fragment = {
    sql: `SELECT ${columns} FROM objects o WHERE ${prefixWhere.sql} ORDER BY o.name, o.id LIMIT ?`,
    params: prefixWhere.params,
  };
  const long = plan.words.filter((t) => t.length >= 3);
  if (long.length === 0) return { prefix, count: capped('objects o', prefixWhere) };
  // the kinds, namespaces and label values asked for are in the search text too: narrowing the
  // trigram match by them spares fetching rows the filters would drop
  const match: Fragment = {
    sql: 'objects_search MATCH ?',
    params: [[...long.map(phrase), ...trigramHints(plan, kinds)].join(' AND ')],
  };
  const from = 'objects_search s JOIN objects o ON o.id = s.rowid';
  const fullWhere = and([match, ...plan.words.filter((t) => t.length < 3).map(like), ...filters]);
  return {
    prefix,
    rest: (exclude, limit) => ({
      sql:
        `SELECT ${columns} FROM ${from} WHERE ${fullWhere.sql}` +
        (exclude.length ? ` AND o.id NOT IN (${placeholders(exclude.length)})` : '') +
        ' LIMIT ?',
      params: [...fullWhere.params, ...exclude, limit],
    }),
    count: capped(from, fullWhere),
  };
}

/**
 * The kinds of a source but Events, read by skipping through the (source, kind, …) index: one seek
 * per kind.
 */
const kindsOf = (source: string): Fragment => ({
  sql:
    'o.kind IN (WITH RECURSIVE k(kind) AS (SELECT min(kind) FROM objects WHERE source = ? UNION ALL ' +
    'SELECT (SELECT min(kind) FROM objects WHERE source = ? AND kind > k.kind) FROM k WHERE k.kind IS NOT NULL) ' +
    "SELECT kind FROM k WHERE kind IS NOT NULL AND kind != 'Event')",
  params: [source, source],
});

const phrase = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** Trigram alternatives each filter implies (each at least three characters long, or none). */
function trigramHints(plan: SearchPlan, kinds: readonly string[] | undefined): string[] {
  const anyOf = (values: readonly string[]) =>
    values.length > 0 && values.every((v) => v.length >= 3)
      ? [values.length === 1 ? phrase(values[0]) : `(${values.map(phrase).join(' OR ')})`]
      : [];
  return [
    ...anyOf((kinds ?? []).map((k) => k.toLowerCase())),
    ...anyOf(plan.namespaces ?? []),
    ...plan.requirements
      .filter((r) => r.op === 'eq' || r.op === 'in')
      .flatMap((r) => anyOf(r.values.map((v) => `${r.key}=${v}`.toLowerCase()))),
  ];
}

export type { ObjectQuery };
