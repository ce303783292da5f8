import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClusterDetail, Overview } from '../../../shared/contract/fleet';
import { gib } from '../../../shared/contract/fleet';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { ClusterTabs } from '../nodes/ClusterTabs';
import { isNotFound, useFollowCluster } from '../nodes/ClusterNodesPage';
import { useNoticeStore } from '../../stores/notice-store';
import { isReadOnlySource, useSource } from '../../stores/source-store';
import { CaptureButton } from '../sources/CaptureDialog';
import { InspectionPanel } from '../inspections/InspectionPanel';
import { sourceArg } from '../sources/source-arg';
import { AllocationGauge } from './AllocationBar';
import { DetachDialog } from './DetachDialog';
import { EditCluster } from './EditCluster';
import { call, messageOf, useEvent } from '../../lib/call';
import { StatusBadge } from './StatusBadge';

function ago(iso: string | undefined): string {
  if (!iso) return '--';
  const s = (Date.now() - Date.parse(iso)) / 1000;
  if (s < 90) return 'just now';
  if (s < 5400) return `${Math.round(s / 60)} minutes ago`;
  if (s < 129600) return `${Math.round(s / 3600)} hours ago`;
  return `${Math.round(s / 86400)} days ago`;
}

const dash = (v: string | number | undefined) => (v === undefined ? '--' : String(v));

/** The reference deck's cluster "Overview" tab. */
export function OverviewPage({ id }: { id: string }) {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [detail, setDetail] = useState<ClusterDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [detaching, setDetaching] = useState(false);
  const [editing, setEditing] = useState(false);
  const notice = useNoticeStore((s) => s.show);
  const source = useSource();
  const readOnly = isReadOnlySource(source);
  useFollowCluster(id, '');
  const latest = useRef(0);
  const load = useCallback(() => {
    const asked = ++latest.current;
    // A snapshot keeps no connection details: only live clusters have them.
    const details = readOnly ? Promise.resolve(null) : call('clusters.get', { id });
    Promise.all([call('clusters.overview', { id, ...sourceArg(source) }), details]).then(
      ([o, d]) => {
        if (asked !== latest.current) return; // an answer for a source no longer shown
        setOverview(o);
        setDetail(d);
        setError(null);
      },
      (e: unknown) => {
        if (asked !== latest.current) return;
        // the source shown has no such cluster: not the overview of the one shown before
        if (isNotFound(e)) {
          setOverview(null);
          setDetail(null);
        }
        setError(messageOf(e));
      },
    );
  }, [id, source, readOnly]);
  useEffect(load, [load]);
  useEvent('clusters.changed', (p) => {
    if (p.ids.includes(id) || p.ids.length === 0) load();
  });

  if (error && !overview) {
    return (
      <Page title="Cluster" actions={<Button href="#/clusters">Back to clusters</Button>}>
        <p className="form-error">{error}</p>
      </Page>
    );
  }
  if (!overview || (!detail && !readOnly)) {
    return (
      <Page title="Cluster">
        <p className="fl-muted">Loading…</p>
      </Page>
    );
  }
  const o = overview;
  const healthy = o.workers.ready === o.workers.total;
  return (
    <Page
      title={o.name}
      description={
        <>
          <StatusBadge status={o.status} message={o.statusMessage} />{' '}
          {o.status === 'ready' ? null : <span className="fl-muted">{o.statusMessage}</span>}
        </>
      }
      actions={
        readOnly ? (
          <Button href="#/clusters">All clusters</Button>
        ) : (
          <>
            <Button href="#/clusters">All clusters</Button>
            <CaptureButton scope={{ kind: 'cluster', name: id }} name={o.name} />
            <Button
              onClick={() =>
                void call('clusters.verify', { id }).then(
                  (v) => notice(v.message),
                  (e: unknown) => notice(messageOf(e)),
                )
              }
            >
              Verify connection
            </Button>
            <Button
              onClick={() =>
                void call('clusters.reconnect', { ids: [id] }).then(() => notice(`Reconnecting ${o.name}…`))
              }
            >
              Reconnect
            </Button>
            <Button onClick={() => setEditing(true)}>Edit</Button>
            <Button onClick={() => setDetaching(true)}>Detach…</Button>
          </>
        )
      }
    >
      {editing && detail ? <EditCluster cluster={detail} onClose={() => setEditing(false)} /> : null}
      {detail?.description ? <p>{detail.description}</p> : null}
      <ClusterTabs id={id} active="overview" />
      <dl className="fl-facts" data-testid="overview-facts">
        <div>
          <dt>Cluster group</dt>
          <dd>
            <a href={`#/cluster-groups/${encodeURIComponent(o.groupId)}`}>{o.groupName}</a>
          </dd>
        </div>
        <div>
          <dt>Provider</dt>
          <dd>{o.provider === 'unknown' ? '--' : o.provider}</dd>
        </div>
        <div>
          <dt>Kubernetes version</dt>
          <dd className="fl-mono">{dash(o.version)}</dd>
        </div>
        <div>
          <dt>Region</dt>
          <dd>{dash(o.region)}</dd>
        </div>
        <div>
          <dt>Control plane nodes</dt>
          <dd>{dash(o.controlPlaneNodes)}</dd>
        </div>
        <div>
          <dt>Worker nodes</dt>
          <dd>{dash(o.workerNodes)}</dd>
        </div>
        <div>
          <dt>Namespaces</dt>
          <dd>{dash(o.namespaces)}</dd>
        </div>
        <div>
          <dt>Pods</dt>
          <dd>{dash(o.pods)}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd title={o.created}>{ago(o.created)}</dd>
        </div>
        <div>
          <dt>Total cores</dt>
          <dd>{o.totalCores === undefined ? '--' : `${Number(o.totalCores.toFixed(2))} CPUs`}</dd>
        </div>
        <div>
          <dt>Total memory</dt>
          <dd>{o.totalMemoryBytes === undefined ? '--' : `${gib(o.totalMemoryBytes)} GiB`}</dd>
        </div>
        {detail ? (
          <div>
            <dt>Server</dt>
            <dd className="fl-mono">{detail.server}</dd>
          </div>
        ) : null}
      </dl>
      <p className="fl-overview-labels">
        <span className="fl-muted">Labels</span>{' '}
        {Object.entries(o.labels).length === 0 ? <span className="fl-muted">none</span> : null}
        {Object.entries(o.labels).map(([k, v]) => (
          <span key={k} className="fl-label">
            {k}: {v}
          </span>
        ))}
      </p>
      <div className="fl-gauges">
        <AllocationGauge title="Allocated CPU" allocation={o.cpu} kind="cpu" />
        <AllocationGauge title="Allocated memory" allocation={o.memory} kind="memory" />
      </div>
      <div className="fl-health-panels">
        <section className="fl-panel" aria-labelledby="component-health">
          <h3 id="component-health">Component health</h3>
          <ul className="fl-components">
            {o.components.map((c) => (
              <li
                key={c.name}
                className={`fl-comp-${c.status}`}
                title={`${c.message} (${c.source})`}
                data-component={c.name}
              >
                <span aria-hidden="true">
                  {c.status === 'healthy' ? '✔' : c.status === 'unhealthy' ? '✖' : '?'}
                </span>{' '}
                {c.name}
                <span className="fl-muted"> — {c.message}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="fl-panel" aria-labelledby="worker-health">
          <h3 id="worker-health">Worker nodes {o.workers.total}</h3>
          <p className={healthy ? 'fl-ok' : 'fl-bad'}>
            {healthy ? '✔' : '✖'} {o.workers.ready} of {o.workers.total} nodes healthy
          </p>
          {o.workers.notReady.length > 0 ? (
            <ul className="fl-problems">
              {o.workers.notReady.map((n) => (
                <li key={n.name} className="fl-bad">
                  {n.name}: {n.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        {readOnly ? null : <InspectionPanel clusterId={id} />}
      </div>
      {detail ? (
        <p className="fl-muted fl-small">
          Figures read {ago(o.observedAt)} · context <code>{detail.context}</code> · {detail.authKind}
          {detail.credentialCommand ? (
            <>
              {' '}
              · runs <code>{detail.credentialCommand}</code>
            </>
          ) : null}
        </p>
      ) : (
        <p className="fl-muted fl-small">Figures as captured {ago(o.observedAt)}.</p>
      )}
      {detaching && detail ? (
        <DetachDialog
          targets={[{ id, name: o.name, protected: detail.protected }]}
          onClose={() => setDetaching(false)}
          onDone={() => {
            notice(`Detached ${o.name}.`);
            window.location.hash = '#/clusters';
          }}
        />
      ) : null}
    </Page>
  );
}
