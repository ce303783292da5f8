import type { ClusterRow, Health } from '../../../shared/contract/fleet';
import type { Observation } from '../../kube/health';
import { detectProvider } from '../../kube/provider';
import type { ClusterRecord, GroupRecord } from '../../store/fleet';
import type { ConnState } from '../connections/state';
import { computeFigures, type ClusterFigures } from './figures';

export const PROTECTED_LABEL = 'flotilla.io/protected';

export function isProtected(labels: Record<string, string>): boolean {
  return labels[PROTECTED_LABEL]?.toLowerCase() === 'true';
}

/** Healthy, warning or critical from the connection state and the nodes. */
export function healthOf(conn: ConnState | undefined, figures: ClusterFigures | undefined): Health {
  if (!conn || conn.state === 'connecting') return 'unknown';
  if (conn.state === 'unreachable' || conn.state === 'unauthorized') return 'critical';
  if (!figures) return conn.state === 'degraded' ? 'warning' : 'unknown';
  if (figures.nodes > 0 && figures.readyNodes === 0) return 'critical';
  if (conn.state === 'degraded' || figures.notReadyNodes.length > 0) return 'warning';
  return 'healthy';
}

/** Figures are kept per observation: computing them once per probe, not per list call. */
const figureCache = new WeakMap<
  Observation,
  { figures: ClusterFigures; provider: ReturnType<typeof detectProvider> }
>();

export function derived(observation: Observation | undefined) {
  if (!observation) return undefined;
  let d = figureCache.get(observation);
  if (!d) {
    d = {
      figures: computeFigures(observation.nodes, observation.pods),
      provider: detectProvider(observation.nodes, observation.version),
    };
    figureCache.set(observation, d);
  }
  return d;
}

/** The list row of one cluster: its record, its group, its connection and what it last reported. */
export function buildRow(
  record: ClusterRecord,
  group: GroupRecord | undefined,
  conn: ConnState | undefined,
  observation: Observation | undefined,
): ClusterRow {
  const d = derived(observation);
  return {
    id: record.id,
    name: record.name,
    description: record.description,
    groupId: record.groupId,
    groupName: group?.name ?? record.groupId,
    provider: d?.provider.provider ?? 'unknown',
    type: record.type,
    status: conn?.state ?? 'connecting',
    statusMessage: conn?.message ?? 'Connecting…',
    failure: conn?.failure,
    health: healthOf(conn, d?.figures),
    version: observation?.version,
    cpu: d?.figures.cpu,
    memory: d?.figures.memory,
    nodes: d?.figures.nodes,
    labels: record.labels,
    server: record.server,
    context: record.context,
    attachedAt: record.attachedAt,
    observedAt: observation?.at,
    protected: isProtected(record.labels),
  };
}
