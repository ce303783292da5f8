import type { ConnectionState, Health } from '../../../shared/contract/fleet';

const STATUS_LABEL: Record<ConnectionState, string> = {
  connecting: 'Connecting',
  ready: 'Ready',
  degraded: 'Degraded',
  unreachable: 'Unreachable',
  unauthorized: 'Unauthorized',
  snapshot: 'Snapshot',
};

/** Connection state as a coloured dot and a word; the message on hover. */
export function StatusBadge({ status, message }: { status: ConnectionState; message?: string }) {
  return (
    <span className={`fl-status fl-status-${status}`} title={message} data-status={status}>
      <span className="fl-dot" aria-hidden="true" />
      {STATUS_LABEL[status]}
    </span>
  );
}

const HEALTH_LABEL: Record<Health, string> = {
  healthy: '✔ Healthy',
  warning: '⚠ Warning',
  critical: '✖ Critical',
  unknown: '–',
};

export function HealthBadge({ health }: { health: Health }) {
  return (
    <span className={`fl-health fl-health-${health}`} data-health={health}>
      {HEALTH_LABEL[health]}
    </span>
  );
}
