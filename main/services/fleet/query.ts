import type { ClusterQuery, ClusterRow, ConnectionState, Health } from '../../../shared/contract/fleet';
import { percent } from './figures';

/** A label filter: `key`, `key=value`, `key: value`, `key!=value`. */
export interface LabelFilter {
  key: string;
  value?: string;
  negate: boolean;
}

export function parseLabelFilter(text: string): LabelFilter | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const m = /^([^=!:\s]+)\s*(!=|==|=|:)\s*(.*)$/.exec(t);
  if (!m) return { key: t, negate: false };
  return { key: m[1]!, value: m[3]!.trim().replace(/^"(.*)"$/, '$1'), negate: m[2] === '!=' };
}

function matchesLabel(row: ClusterRow, f: LabelFilter): boolean {
  const v = row.labels[f.key];
  if (f.value === undefined) return v !== undefined;
  return f.negate ? v !== f.value : v === f.value;
}

function matchesText(row: ClusterRow, words: string[]): boolean {
  if (words.length === 0) return true;
  const hay = [
    row.name,
    row.description,
    row.groupName,
    row.provider,
    row.status,
    row.version ?? '',
    row.server,
    row.context,
    ...Object.entries(row.labels).map(([k, v]) => `${k}:${v} ${k}=${v}`),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((w) => hay.includes(w));
}

const STATUS_ORDER: Record<ConnectionState, number> = {
  unreachable: 0,
  unauthorized: 1,
  degraded: 2,
  connecting: 3,
  ready: 4,
  snapshot: 5,
};
const HEALTH_ORDER: Record<Health, number> = { critical: 0, warning: 1, unknown: 2, healthy: 3 };

/** "v1.28.3+k3s1" → comparable numbers. */
function versionKey(v: string | undefined): number {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(v ?? '');
  if (!m) return -1;
  return Number(m[1]) * 1e6 + Number(m[2]) * 1e3 + Number(m[3] ?? 0);
}

type Key = (row: ClusterRow) => number | string;

/** "sim-2" before "sim-10". */
const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const KEYS: Record<ClusterQuery['sort'], Key> = {
  name: (r) => r.name,
  group: (r) => r.groupName,
  provider: (r) => r.provider,
  type: (r) => r.type,
  status: (r) => STATUS_ORDER[r.status],
  health: (r) => HEALTH_ORDER[r.health],
  version: (r) => versionKey(r.version),
  cpu: (r) => percent(r.cpu) ?? -1,
  memory: (r) => percent(r.memory) ?? -1,
  nodes: (r) => r.nodes ?? -1,
};

/** Filters, sorts (stable, name as tie-break) and pages the rows; returns every matching id too. */
export function queryClusters(rows: readonly ClusterRow[], q: ClusterQuery) {
  const words = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const label = q.label ? parseLabelFilter(q.label) : undefined;
  const status = q.status && q.status.length > 0 ? new Set(q.status) : undefined;
  const matched = rows.filter(
    (r) =>
      (!q.groupId || r.groupId === q.groupId) &&
      (!status || status.has(r.status)) &&
      (!label || matchesLabel(r, label)) &&
      matchesText(r, words),
  );
  const key = KEYS[q.sort];
  const sign = q.dir === 'desc' ? -1 : 1;
  const sorted = matched
    .map((row) => ({ row, k: key(row) }))
    .sort((a, b) => {
      const c =
        typeof a.k === 'string' && typeof b.k === 'string'
          ? natural.compare(a.k, b.k)
          : a.k < b.k
            ? -1
            : a.k > b.k
              ? 1
              : 0;
      return c !== 0 ? c * sign : natural.compare(a.row.name, b.row.name);
    })
    .map((x) => x.row);
  return {
    total: sorted.length,
    all: rows.length,
    offset: q.offset,
    items: sorted.slice(q.offset, q.offset + q.limit),
    ids: sorted.map((r) => r.id),
  };
}
