import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ObjectSummarySchema } from '../../../shared/contract/objects';
import { nodeFacts, type NodeFacts } from '../../../shared/nodes/facts';
import { listHref, podHref } from '../../../shared/workloads/kinds';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { AllocationGauge } from '../clusters/AllocationBar';
import { call, messageOf, useEvent } from '../../lib/call';
import { useSource } from '../../stores/source-store';
import { useCluster, useFollowCluster } from './ClusterNodesPage';
import { NodeStatus, RoleBadge } from './NodeBits';
import { useNodes } from './use-nodes';
import type { z } from 'zod';
import './nodes.css';

type PodSummary = z.infer<typeof ObjectSummarySchema>;
const POD_LIMIT = 500;

function Fact({ label, value, mono }: { label: string; value: string | undefined; mono?: boolean }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={mono ? 'fl-mono' : undefined}>{value ?? '--'}</dd>
    </div>
  );
}

function useNodeObject(cluster: string, name: string) {
  const [facts, setFacts] = useState<NodeFacts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const source = useSource();
  const load = useCallback(() => {
    call('objects.get', { source, cluster, group: '', kind: 'Node', name }).then(
      (o) => {
        setFacts(nodeFacts(o.object));
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [cluster, name, source]);
  useEffect(load, [load]);
  return { facts, error, reload: load };
}

function usePodsOnNode(cluster: string, name: string) {
  const [pods, setPods] = useState<{ items: PodSummary[]; total: number } | null>(null);
  const source = useSource();
  const load = useCallback(() => {
    call('objects.query', {
      source,
      clusters: [cluster],
      kinds: ['Pod'],
      nodeName: name,
      limit: POD_LIMIT,
    }).then(
      (p) => setPods({ items: p.items, total: p.total }),
      () => setPods({ items: [], total: 0 }),
    );
  }, [cluster, name, source]);
  useEffect(load, [load]);
  return { pods, reload: load };
}

/** `#/clusters/<id>/nodes/<name>`: the reference deck's node detail. */
export function NodeDetailPage({ id, name }: { id: string; name: string }) {
  useFollowCluster(id, `/nodes/${encodeURIComponent(name)}`);
  const { cluster } = useCluster(id);
  const { facts, error, reload } = useNodeObject(id, name);
  const { pods, reload: reloadPods } = usePodsOnNode(id, name);
  const names = useMemo(() => [name], [name]);
  const { list } = useNodes([id], names);
  const row = list?.items[0];
  const source = useSource();
  useEvent('objects.changed', (p) => {
    if (p.source !== source) return;
    if (p.changes.some((c) => c.cluster === id && (c.kind === 'Node' || c.kind === '*'))) reload();
    if (p.changes.some((c) => c.cluster === id && (c.kind === 'Pod' || c.kind === '*'))) reloadPods();
  });
  const back = `#/clusters/${encodeURIComponent(id)}/nodes`;
  if (error && !facts) {
    return (
      <Page title={name} actions={<Button href={back}>Back to nodes</Button>}>
        <p className="form-error">{error}</p>
      </Page>
    );
  }
  if (!facts) {
    return (
      <Page title={name}>
        <p className="fl-muted">Loading…</p>
      </Page>
    );
  }
  return (
    <Page
      title={name}
      description={
        <>
          <NodeStatus state={facts.state} problem={facts.problem} unschedulable={facts.unschedulable} />{' '}
          <RoleBadge role={facts.role} roles={facts.roles} />
        </>
      }
      actions={<Button href={back}>{cluster ? `${cluster.name} nodes` : 'Back to nodes'}</Button>}
    >
      <dl className="fl-facts" data-testid="node-facts">
        <div>
          <dt>Cluster group</dt>
          <dd>
            {cluster ? (
              <a href={`#/cluster-groups/${encodeURIComponent(cluster.groupId)}`}>{cluster.groupName}</a>
            ) : (
              '--'
            )}
          </dd>
        </div>
        <div>
          <dt>Cluster</dt>
          <dd>
            <a href={`#/clusters/${encodeURIComponent(id)}`}>{cluster?.name ?? id}</a>
          </dd>
        </div>
        <Fact label="Kubelet version" value={facts.kubeletVersion} mono />
        <Fact label="Kube-proxy version" value={facts.kubeProxyVersion} mono />
        <Fact label="Region" value={facts.region} />
        <Fact label="Zone" value={facts.zone} />
        <Fact label="Instance type" value={facts.instanceType} />
        <Fact label="Machine ID" value={facts.machineID} mono />
        <Fact label="Kernel version" value={facts.kernelVersion} mono />
        <Fact label="System UUID" value={facts.systemUUID} mono />
        <Fact label="OS image" value={facts.osImage} />
        <Fact label="Boot ID" value={facts.bootID} mono />
        <Fact label="Container runtime" value={facts.containerRuntime} mono />
        <Fact label="Pod CIDR" value={facts.podCIDR} mono />
        <Fact label="Internal IP" value={facts.internalIP} mono />
        <Fact label="Architecture" value={facts.architecture} />
      </dl>
      <div className="fl-gauges">
        <AllocationGauge title="Allocated CPU" allocation={row?.cpu} kind="cpu" />
        <AllocationGauge title="Allocated memory" allocation={row?.memory} kind="memory" />
        {row?.usage ? (
          <>
            <AllocationGauge
              title="CPU used"
              allocation={{ requested: row.usage.cpu, allocatable: row.cpu.allocatable }}
              kind="cpu"
            />
            <AllocationGauge
              title="Memory used"
              allocation={{ requested: row.usage.memory, allocatable: row.memory.allocatable }}
              kind="memory"
            />
          </>
        ) : null}
      </div>
      <div className="fl-health-panels">
        <section className="fl-panel" aria-labelledby="node-conditions">
          <h3 id="node-conditions">Node conditions</h3>
          <ul className="fl-conditions" data-testid="node-conditions">
            {facts.conditions.map((c) => (
              <li
                key={c.type}
                className={c.healthy ? 'fl-ok' : 'fl-bad'}
                data-condition={c.type}
                title={[c.reason, c.message, c.lastTransition].filter(Boolean).join(' · ')}
              >
                <span aria-hidden="true">{c.healthy ? '✔' : '✖'}</span> {c.type}{' '}
                <span className="fl-muted">{c.status === 'Absent' ? 'not reported' : c.status}</span>
                {c.reason && !c.healthy ? <span className="fl-muted"> — {c.reason}</span> : null}
              </li>
            ))}
          </ul>
        </section>
        <section className="fl-panel" aria-labelledby="node-taints">
          <h3 id="node-taints">Taints</h3>
          {facts.taints.length === 0 ? (
            <p className="fl-muted">No taints</p>
          ) : (
            <ul className="fl-taints">
              {facts.taints.map((t) => (
                <li key={`${t.key}:${t.effect}`} className="fl-mono">
                  {t.key}
                  {t.value ? `=${t.value}` : ''}:{t.effect}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <p className="fl-overview-labels">
        <span className="fl-muted">Labels</span>{' '}
        {Object.entries(facts.labels).map(([k, v]) => (
          <span key={k} className="fl-label">
            {k}: {v}
          </span>
        ))}
      </p>
      <section aria-labelledby="node-pods">
        <h3 id="node-pods">Pods {pods ? <span className="fl-muted">{pods.total}</span> : null}</h3>
        {!pods ? (
          <p className="fl-muted">Loading pods…</p>
        ) : pods.items.length === 0 ? (
          <p className="fl-muted">No pods on this node.</p>
        ) : (
          <table className="fl-nodes" aria-label="Pods on the node" data-testid="node-pods">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Namespace</th>
                <th scope="col">Status</th>
                <th scope="col">Restarts</th>
              </tr>
            </thead>
            <tbody>
              {pods.items.map((p) => (
                <tr key={`${p.namespace}/${p.name}`}>
                  <td>
                    <a href={podHref(p.cluster, p.namespace, p.name)}>{p.name}</a>
                  </td>
                  <td>{p.namespace}</td>
                  <td>{p.status ?? '--'}</td>
                  <td className="fl-num">{p.restarts ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pods && pods.total > pods.items.length ? (
          <p className="fl-muted fl-small">
            Showing the first {pods.items.length} of {pods.total} pods.{' '}
            <a href={listHref('pods', { cluster: id, node: name })}>All of them in Workloads</a>
          </p>
        ) : null}
      </section>
    </Page>
  );
}
