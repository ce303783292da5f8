import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { listHref } from '../../../shared/workloads/kinds';
import {
  controllerOf,
  defaultContainer,
  podConditions,
  podContainers,
  podFacts,
} from '../../../shared/workloads/pod';
import { ownerLink } from '../../../shared/workloads/links';
import { age, workloadState } from '../../../shared/workloads/status';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { call, messageOf, useEvent } from '../../lib/call';
import { yamlRoute } from '../yaml/route';
import { isReadOnlySource, sourceKind, useSource } from '../../stores/source-store';
import { PodLogs } from './PodLogs';
import { PodUsage } from './PodUsage';
import { useFleet } from './use-fleet';
import { useNow } from './use-now';

type Stored = CallOutput<'objects.get'>;
type EventRow = CallOutput<'objects.query'>['items'][number];

const conditionTone = (type: string, status: string): string =>
  status === ''
    ? 'idle'
    : status === 'True'
      ? 'ok'
      : type === 'PodScheduled' || type === 'Ready'
        ? 'error'
        : 'warn';

function Labels({ labels }: { labels: Record<string, string> }) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return <span className="wl-muted">none</span>;
  return (
    <span className="wl-labels">
      {entries.map(([k, v]) => (
        <span key={k} className="wl-label">
          {k}: {v}
        </span>
      ))}
    </span>
  );
}

/** One pod (reference deck): where it runs, its labels, conditions, owner, containers, events and logs. */
export function PodPage({ cluster, namespace, name }: { cluster: string; namespace: string; name: string }) {
  const [pod, setPod] = useState<Stored | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [events, setEvents] = useState<EventRow[]>([]);
  const now = useNow();
  const source = useSource();
  const { clusters } = useFleet(source);
  const info = clusters.find((c) => c.id === cluster);

  const load = useCallback(() => {
    call('objects.get', { source, cluster, group: '', kind: 'Pod', namespace, name }).then(
      (p) => {
        setPod(p);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
    call('objects.query', {
      source,
      kinds: ['Event'],
      clusters: [cluster],
      namespaces: [namespace],
      owner: { kind: 'Pod', name },
      sort: 'created',
      dir: 'desc',
      limit: 100,
      withObject: true,
    }).then(
      (page) => setEvents(page.items),
      () => undefined,
    );
  }, [source, cluster, namespace, name]);
  useEffect(load, [load]);
  useEvent('objects.changed', (n) => {
    if (n.source !== source) return;
    if (
      n.changes.some(
        (c) => (c.cluster === cluster || c.kind === '*') && ['Pod', 'Event', '*'].includes(c.kind),
      )
    )
      load();
  });

  if (!pod) {
    return (
      <Page title={name} description={`Pod in ${namespace}`}>
        {error ? (
          <EmptyState
            icon="workloads"
            title="This pod is not in the cache"
            actions={<Button href={listHref('pods')}>All pods</Button>}
          >
            <p>{error}</p>
          </EmptyState>
        ) : (
          <p className="wl-muted">Loading…</p>
        )}
      </Page>
    );
  }

  const object = pod.object;
  const state = workloadState('Pod', object);
  const facts = podFacts(object);
  const containers = podContainers(object);
  const owner = controllerOf(object);
  const link = owner ? ownerLink(owner, cluster, namespace, pod.labels) : undefined;

  return (
    <Page
      title={name}
      description={
        <span>
          Pod ·{' '}
          <span className={`wl-status wl-tone-${state.tone}`} data-testid="pod-status">
            {state.status}
          </span>{' '}
          {state.ready}/{state.desired} ready ·{' '}
          {age(
            String((object.metadata as { creationTimestamp?: string } | undefined)?.creationTimestamp ?? ''),
            now,
          )}{' '}
          old
        </span>
      }
      actions={
        <>
          <Button href={yamlRoute({ cluster, group: '', version: 'v1', kind: 'Pod', namespace, name })}>
            Edit YAML
          </Button>
          <Button href={listHref('pods', { cluster, namespace })}>Pods in {namespace}</Button>
        </>
      }
    >
      {error ? <p className="wl-error">{error}</p> : null}
      <section className="wl-card" aria-label="Pod facts">
        <dl className="wl-facts">
          <dt>Cluster</dt>
          <dd>
            <a href={`#/clusters/${encodeURIComponent(cluster)}`}>{info?.name ?? cluster}</a>
          </dd>
          <dt>Node</dt>
          <dd>
            {facts.node ? (
              <a href={`#/clusters/${encodeURIComponent(cluster)}/nodes/${encodeURIComponent(facts.node)}`}>
                {facts.node}
              </a>
            ) : (
              <span className="wl-muted">not scheduled</span>
            )}
          </dd>
          <dt>Namespace</dt>
          <dd>
            <a href={listHref('pods', { cluster, namespace })}>{namespace}</a>
          </dd>
          <dt>IP</dt>
          <dd className="wl-mono" data-testid="pod-ip">
            {facts.podIP || <span className="wl-muted">--</span>}
            {facts.hostIP ? <span className="wl-muted"> (host {facts.hostIP})</span> : null}
          </dd>
          <dt>Controlled by</dt>
          <dd data-testid="pod-owner">
            {link ? (
              <a href={listHref(link.slug, link.filters)}>{link.label}</a>
            ) : (
              <span className="wl-muted">nothing (a bare pod)</span>
            )}
          </dd>
          <dt>Restarts</dt>
          <dd data-testid="pod-restarts" className={state.restarts > 0 ? 'wl-warn' : undefined}>
            {state.restarts}
          </dd>
          <dt>QoS class</dt>
          <dd>{facts.qosClass || '--'}</dd>
          <dt>Service account</dt>
          <dd>{facts.serviceAccount || '--'}</dd>
          <dt>Node selectors</dt>
          <dd>
            <Labels labels={facts.nodeSelector} />
          </dd>
          <dt>Tolerations</dt>
          <dd>
            {facts.tolerations.length ? facts.tolerations.join(', ') : <span className="wl-muted">none</span>}
          </dd>
          <dt>Labels</dt>
          <dd className="wl-wide">
            <Labels labels={pod.labels} />
          </dd>
        </dl>
      </section>

      <section className="wl-card" aria-labelledby="wl-conditions">
        <h2 id="wl-conditions">Conditions</h2>
        <ul className="wl-conditions">
          {podConditions(object).map((c) => (
            <li key={c.type} title={[c.reason, c.message].filter(Boolean).join(': ')} data-condition={c.type}>
              <span className={`wl-dot wl-tone-${conditionTone(c.type, c.status)}`} aria-hidden="true" />
              {c.type}: <strong>{c.status || 'not reported'}</strong>
              {c.reason ? <span className="wl-muted"> ({c.reason})</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="wl-card" aria-labelledby="wl-containers">
        <h2 id="wl-containers">Containers</h2>
        <table className="wl-plain">
          <thead>
            <tr>
              <th>Name</th>
              <th>Status</th>
              <th>Image</th>
              <th>Restart count</th>
              <th>Last termination</th>
            </tr>
          </thead>
          <tbody>
            {containers.map((c) => (
              <tr key={`${c.role}-${c.name}`} data-container={c.name}>
                <td>
                  {c.name}
                  {c.role === 'init' ? <span className="wl-muted"> (init)</span> : null}
                </td>
                <td>
                  {c.state}
                  {c.reason ? `: ${c.reason}` : ''}
                  {c.state === 'Running' ? (c.ready ? ', ready' : ', not ready') : ''}
                </td>
                <td className="wl-mono">{c.image}</td>
                <td className={c.restarts > 0 ? 'wl-warn' : undefined}>{c.restarts}</td>
                <td>{c.lastTermination || <span className="wl-muted">--</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <PodUsage source={source} cluster={cluster} namespace={namespace} name={name} pod={object} />

      <section className="wl-card" aria-labelledby="wl-events">
        <h2 id="wl-events">Events</h2>
        {events.length === 0 ? (
          <p className="wl-muted">No events about this pod in the cache.</p>
        ) : (
          <table className="wl-plain" data-testid="pod-events">
            <thead>
              <tr>
                <th>Type</th>
                <th>Reason</th>
                <th>Message</th>
                <th>Count</th>
                <th>Last seen</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => {
                const o = (e.object ?? {}) as Record<string, unknown>;
                const last = String(o.lastTimestamp ?? o.eventTime ?? e.created ?? '');
                return (
                  <tr key={e.uid || e.name}>
                    <td className={e.status === 'Warning' ? 'wl-warn' : undefined}>{e.status ?? ''}</td>
                    <td>{String(o.reason ?? '')}</td>
                    <td>{String(o.message ?? '')}</td>
                    <td>{e.restarts ?? 1}</td>
                    <td title={last}>{age(last, now)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {isReadOnlySource(source) && sourceKind(source) !== 'snapshot' ? (
        <section className="wl-card" aria-labelledby="wl-logs-title" data-testid="logs-not-live">
          <h2 id="wl-logs-title">Logs</h2>
          <p className="wl-muted">
            These are imported manifests: logs are read from live clusters only, so there is nothing to read
            or follow here. Apply them to a cluster to run this pod.
          </p>
        </section>
      ) : (
        <PodLogs
          target={{ source, cluster, namespace, pod: name }}
          containers={containers}
          initial={defaultContainer(object)}
        />
      )}
    </Page>
  );
}
