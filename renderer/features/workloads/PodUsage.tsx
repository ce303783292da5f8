import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import type { KubeObject } from '../../../shared/objects/types';
import {
  formatBytes,
  formatCores,
  usageRows,
  usageShare,
  unmeasuredBecause,
  type Bounds,
  type UsageRow,
} from '../../../shared/workloads/usage';
import { call, messageOf } from '../../lib/call';

type Usage = CallOutput<'pods.usage'>;

/** How often the figures are read again while the page is open (metrics-server's resolution is ~15-30 s). */
export const USAGE_REFRESH_MS = 15_000;

/** The pod's usage from pods.usage, read now and every USAGE_REFRESH_MS while mounted. */
function usePodUsage(source: string, cluster: string, namespace: string, name: string, skip: boolean) {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (skip) return;
    let live = true;
    const read = () =>
      call('pods.usage', { source, cluster, namespace, name }).then(
        (u) => {
          if (!live) return;
          setUsage(u);
          setError(null);
        },
        (e: unknown) => live && setError(messageOf(e)),
      );
    void read();
    // a snapshot or manifests never change their answer: read it once
    const timer = source === 'live' ? setInterval(read, USAGE_REFRESH_MS) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [source, cluster, namespace, name, skip]);
  return { usage, error };
}

function Figure({
  used,
  bounds,
  format,
}: {
  used: number | null;
  bounds: Bounds;
  format(n: number | null): string;
}) {
  const share = usageShare(used, bounds);
  const tone =
    share.percent === null
      ? ''
      : share.percent >= 90
        ? ' wl-usage-hot'
        : share.percent >= 70
          ? ' wl-usage-warm'
          : '';
  return (
    <td className="wl-usage-cell">
      <span className={`wl-usage-value${tone}`}>{format(used)}</span>
      {share.percent !== null ? (
        <span className="wl-usage-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, share.percent)}%` }} className={tone} />
        </span>
      ) : null}
      {share.text ? <span className="wl-muted"> {share.text}</span> : null}
    </td>
  );
}

const boundsText = (b: Bounds, format: (n: number | null) => string) =>
  b.request === null && b.limit === null ? (
    <span className="wl-muted">none set</span>
  ) : (
    `${b.request === null ? '--' : format(b.request)} / ${b.limit === null ? '--' : format(b.limit)}`
  );

function Row({ row, total }: { row: UsageRow; total?: boolean }) {
  return (
    <tr data-usage-row={total ? 'total' : row.name} className={total ? 'wl-usage-total' : undefined}>
      <th scope="row">{row.name}</th>
      <Figure used={row.cpu} bounds={row.cpuBounds} format={formatCores} />
      <td>{boundsText(row.cpuBounds, formatCores)}</td>
      <Figure used={row.memory} bounds={row.memoryBounds} format={formatBytes} />
      <td>{boundsText(row.memoryBounds, formatBytes)}</td>
    </tr>
  );
}

/** The pod page's Usage card: CPU and memory now, per container and in total, beside requests and limits. */
export function PodUsage({
  source,
  cluster,
  namespace,
  name,
  pod,
}: {
  source: string;
  cluster: string;
  namespace: string;
  name: string;
  pod: KubeObject;
}) {
  // a live pod that is not running has no figures to read; a snapshot says why itself
  const unmeasured = source === 'live' ? unmeasuredBecause(pod) : null;
  const { usage, error } = usePodUsage(source, cluster, namespace, name, unmeasured !== null);
  const table = usage?.available ? usageRows(pod, usage) : null;
  return (
    <section className="wl-card" aria-labelledby="wl-usage" data-testid="pod-usage">
      <h2 id="wl-usage">Usage</h2>
      {unmeasured ? (
        <p className="wl-muted" data-testid="usage-unavailable">
          No usage figures. {unmeasured}
        </p>
      ) : error ? (
        <p className="wl-error">{error}</p>
      ) : !usage ? (
        <p className="wl-muted">Reading metrics…</p>
      ) : usage.recorded ? (
        <p data-testid="usage-recorded">
          When the snapshot was taken
          {usage.timestamp ? ` (${new Date(usage.timestamp).toLocaleString()})` : ''}, the pod used{' '}
          <strong>{formatCores(usage.recorded.cpu)}</strong> CPU and{' '}
          <strong>{formatBytes(usage.recorded.memory)}</strong> of memory
          {usage.window ? `, averaged over ${usage.window}` : ''}. A snapshot keeps the pod&apos;s total only,
          not each container&apos;s.
        </p>
      ) : !table ? (
        <p className="wl-muted" data-testid="usage-unavailable">
          No usage figures. {usage.reason}
        </p>
      ) : (
        <>
          <table className="wl-plain wl-usage">
            <thead>
              <tr>
                <th>Container</th>
                <th>CPU used</th>
                <th>CPU request / limit</th>
                <th>Memory used</th>
                <th>Memory request / limit</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <Row key={r.name} row={r} />
              ))}
              {table.rows.length > 1 ? <Row row={table.total} total /> : null}
            </tbody>
          </table>
          <p className="wl-muted wl-usage-note">
            From metrics.k8s.io
            {usage.window ? `, averaged over ${usage.window}` : ''}
            {usage.timestamp ? `, measured ${new Date(usage.timestamp).toLocaleTimeString()}` : ''}; read
            again every {USAGE_REFRESH_MS / 1000} s.
          </p>
        </>
      )}
    </section>
  );
}
