import { parseQuantity } from '../nodes/quantity';
import type { KubeObject } from '../objects/types';

/**
 * A pod's current usage (metrics.k8s.io PodMetrics) beside its containers' requests and limits:
 * parsing the metrics body, joining it to the pod spec, totals and the figures' wording. Pure.
 * CPU is in cores, memory in bytes (the one quantity parser: shared/nodes/quantity.ts).
 */

export interface ContainerUsage {
  name: string;
  cpu: number;
  memory: number;
}

export interface PodMetrics {
  containers: ContainerUsage[];
  /** When metrics-server measured it, and over what window ("30s"). */
  timestamp?: string;
  window?: string;
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const dict = (v: unknown): Dict => (isDict(v) ? v : {});
const list = (v: unknown): Dict[] => (Array.isArray(v) ? v.filter(isDict) : []);

/** A malformed PodMetrics body, with the field at fault in the message. */
export class MetricsFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricsFormatError';
  }
}

function quantity(value: unknown, field: string): number {
  const n = parseQuantity(value);
  if (!Number.isFinite(n) || n < 0)
    throw new MetricsFormatError(`${field}: ${JSON.stringify(value)} is not a resource quantity`);
  return n;
}

/** A metrics.k8s.io/v1beta1 PodMetrics object to per-container usage (throws naming a bad field). */
export function parsePodMetrics(body: unknown): PodMetrics {
  if (!isDict(body) || !Array.isArray(body.containers))
    throw new MetricsFormatError('containers: the PodMetrics object has no list of containers');
  const containers = (body.containers as unknown[]).map((c, i): ContainerUsage => {
    const at = `containers[${i}]`;
    const item = dict(c);
    if (typeof item.name !== 'string' || item.name === '')
      throw new MetricsFormatError(`${at}.name: missing`);
    const usage = dict(item.usage);
    return {
      name: item.name,
      cpu: quantity(usage.cpu, `${at}.usage.cpu`),
      memory: quantity(usage.memory, `${at}.usage.memory`),
    };
  });
  const out: PodMetrics = { containers };
  if (typeof body.timestamp === 'string') out.timestamp = body.timestamp;
  if (typeof body.window === 'string') out.window = body.window;
  return out;
}

/** Requests and limits of one resource; null where the spec sets none. */
export interface Bounds {
  request: number | null;
  limit: number | null;
}

export interface UsageRow {
  name: string;
  /** null: metrics-server reported nothing for this container. */
  cpu: number | null;
  memory: number | null;
  cpuBounds: Bounds;
  memoryBounds: Bounds;
}

function bounds(resources: Dict, key: 'cpu' | 'memory'): Bounds {
  const read = (v: unknown): number | null => {
    const n = parseQuantity(v);
    return Number.isFinite(n) ? n : null;
  };
  return { request: read(dict(resources.requests)[key]), limit: read(dict(resources.limits)[key]) };
}

/**
 * One row per container of the pod spec (in spec order) with its usage, requests and limits,
 * then any measured container the spec does not name (an ephemeral debug container); and the
 * pod's total. A total's request or limit is null unless every spec container sets one (a partial
 * sum would mislead).
 */
export function usageRows(pod: KubeObject, metrics: PodMetrics): { rows: UsageRow[]; total: UsageRow } {
  const measured = new Map(metrics.containers.map((c) => [c.name, c]));
  const rows: UsageRow[] = list(dict(pod.spec).containers).map((c) => {
    const name = typeof c.name === 'string' ? c.name : '';
    const resources = dict(c.resources);
    const used = measured.get(name);
    measured.delete(name);
    return {
      name,
      cpu: used?.cpu ?? null,
      memory: used?.memory ?? null,
      cpuBounds: bounds(resources, 'cpu'),
      memoryBounds: bounds(resources, 'memory'),
    };
  });
  const specRows = [...rows];
  for (const extra of measured.values()) {
    const none = { request: null, limit: null };
    rows.push({ ...extra, cpuBounds: none, memoryBounds: none });
  }
  const sum = (values: Array<number | null>): number | null =>
    values.length > 0 && values.every((v) => v !== null)
      ? values.reduce<number>((a, v) => a + (v ?? 0), 0)
      : null;
  const measuredSum = (values: Array<number | null>): number | null =>
    values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
  const total: UsageRow = {
    name: 'Total',
    cpu: measuredSum(rows.map((r) => r.cpu)),
    memory: measuredSum(rows.map((r) => r.memory)),
    cpuBounds: {
      request: sum(specRows.map((r) => r.cpuBounds.request)),
      limit: sum(specRows.map((r) => r.cpuBounds.limit)),
    },
    memoryBounds: {
      request: sum(specRows.map((r) => r.memoryBounds.request)),
      limit: sum(specRows.map((r) => r.memoryBounds.limit)),
    },
  };
  return { rows, total };
}

const trim = (n: number, digits: number) => Number(n.toFixed(digits)).toString();

/** Cores as kubectl top writes them below one core ("12m"), and as cores above ("1.25 cores"). */
export function formatCores(cores: number | null): string {
  if (cores === null) return '--';
  if (cores < 1) return `${Math.round(cores * 1000)}m`;
  return `${trim(cores, 2)} cores`;
}

/** Bytes in binary units: "512 KiB", "34.5 MiB", "1.25 GiB". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '--';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : trim(value, value >= 100 ? 0 : value >= 10 ? 1 : 2)} ${units[unit]}`;
}

/** Usage as a share of the limit (else the request): "45% of limit", or '' when neither is set. */
export function usageShare(used: number | null, b: Bounds): { text: string; percent: number | null } {
  const of =
    b.limit !== null && b.limit > 0 ? 'limit' : b.request !== null && b.request > 0 ? 'request' : null;
  if (used === null || of === null) return { text: '', percent: null };
  const percent = Math.round((used / (of === 'limit' ? (b.limit as number) : (b.request as number))) * 100);
  return { text: `${percent}% of ${of}`, percent };
}

/**
 * Why metrics-server will not measure this pod (it measures running pods only), or null when it
 * should: a pending pod has not started, a finished one has stopped.
 */
export function unmeasuredBecause(pod: KubeObject): string | null {
  const phase = dict(pod.status).phase;
  if (phase === 'Pending') return 'The pod has not started yet: metrics-server measures running pods only.';
  if (phase === 'Succeeded' || phase === 'Failed')
    return `The pod has finished (${phase}): metrics-server measures running pods only.`;
  return null;
}
