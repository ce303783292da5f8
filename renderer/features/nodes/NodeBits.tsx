import type { NodeRow } from '../../../shared/contract/nodes';

export const nodeHref = (cluster: string, name: string) =>
  `#/clusters/${encodeURIComponent(cluster)}/nodes/${encodeURIComponent(name)}`;

export function RoleBadge({ role, roles }: { role: NodeRow['role']; roles: string[] }) {
  return (
    <span
      className={`fl-role fl-role-${role}`}
      title={roles.length ? `Roles: ${roles.join(', ')}` : 'No role labels'}
    >
      {role === 'control-plane' ? 'Control plane' : 'Worker'}
    </span>
  );
}

/** ✓ Ready, ✖ NotReady, ? Unknown, with the reason; cordoned nodes say so. */
export function NodeStatus({
  state,
  problem,
  unschedulable,
}: {
  state: NodeRow['state'];
  problem?: string;
  unschedulable: boolean;
}) {
  const icon = state === 'Ready' ? (problem ? '!' : '✓') : state === 'NotReady' ? '✖' : '?';
  const cls = state === 'Ready' ? (problem ? 'fl-warn' : 'fl-ok') : 'fl-bad';
  return (
    <span className={`fl-node-status ${cls}`} title={problem ?? state} data-state={state}>
      <span aria-hidden="true">{icon}</span> {state}
      {problem && state === 'Ready' ? <span className="fl-muted"> · {problem}</span> : null}
      {unschedulable ? <span className="fl-muted"> · cordoned</span> : null}
    </span>
  );
}
