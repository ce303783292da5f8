import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ApplyManifestsResult, SourceView } from '../../../shared/contract/sources';
import { Button } from '../../components/Button';
import { call, messageOf } from '../../lib/call';
import { outcomeText } from './import-text';

type Run = z.infer<typeof ApplyManifestsResult>;

/**
 * "Apply to cluster…": pick a connected cluster, see the server-side dry run of every object, then
 * apply in dependency order and see what happened to each object.
 */
export function ApplyDialog({ source, onClose }: { source: SourceView; onClose(): void }) {
  const [clusters, setClusters] = useState<Array<{ id: string; name: string; status: string }> | null>(null);
  const [cluster, setCluster] = useState('');
  const [run, setRun] = useState<Run | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('clusters.list', { limit: 1000 }).then(
      (page) => {
        const list = page.items.map((c) => ({ id: c.id, name: c.name, status: c.status }));
        setClusters(list);
        setCluster((c) => c || list.find((x) => x.status === 'ready')?.id || list[0]?.id || '');
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);

  const go = async (dryRunOnly: boolean) => {
    setBusy(dryRunOnly ? 'Checking every object with the cluster (dry run)…' : 'Applying…');
    setError(null);
    try {
      setRun(await call('manifests.apply', { source: source.id, cluster, dryRunOnly }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const name = clusters?.find((c) => c.id === cluster)?.name ?? cluster;
  const canApply = run?.dryRun === true && run.ok;
  const failed = run?.results.filter((r) => r.outcome === 'failed').length ?? 0;
  return (
    <div className="fl-overlay" role="presentation" onClick={onClose}>
      <div
        className="fl-dialog fl-dialog-wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby="apply-manifests-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="apply-manifests-title">Apply {source.label} to a cluster</h2>
        <p>
          Every object is first checked by the cluster (server-side dry run); nothing changes until you apply.
          Objects are applied as “flotilla” in dependency order: namespaces and CRDs first, workloads after
          what they use.
        </p>
        {clusters && clusters.length === 0 ? <p role="status">No cluster is attached.</p> : null}
        {clusters && clusters.length ? (
          <label className="fl-field">
            <span>Cluster</span>
            <select
              aria-label="Cluster"
              value={cluster}
              onChange={(e) => {
                setCluster(e.target.value);
                setRun(null);
              }}
            >
              {clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.status})
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {busy ? <p role="status">{busy}</p> : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {run ? (
          <>
            <p role="status" className={run.ok ? 'fl-apply-ok' : 'form-error'}>
              {run.dryRun
                ? run.ok
                  ? `Dry run on ${name}: every object passed. Apply to make the changes.`
                  : `Dry run on ${name}: ${failed} object${failed === 1 ? '' : 's'} failed; nothing was applied.`
                : run.ok
                  ? `Applied to ${name}.`
                  : `Applied to ${name}; ${failed} object${failed === 1 ? '' : 's'} failed.`}
            </p>
            <div className="fl-apply-results">
              <table className="table" aria-label={run.dryRun ? 'Dry run results' : 'Apply results'}>
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">Namespace</th>
                    <th scope="col">Name</th>
                    <th scope="col">Result</th>
                  </tr>
                </thead>
                <tbody>
                  {run.results.map((r) => (
                    <tr key={`${r.kind}/${r.namespace}/${r.name}`} className={`is-${r.outcome}`}>
                      <td>{r.kind}</td>
                      <td>{r.namespace}</td>
                      <td>{r.name}</td>
                      <td>
                        <span className={`fl-outcome is-${r.outcome}`}>
                          {outcomeText(r.outcome, run.dryRun)}
                        </span>
                        {r.message ? <div className="fl-muted fl-apply-message">{r.message}</div> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
        <div className="fl-dialog-actions">
          <Button onClick={onClose}>{run && !run.dryRun ? 'Done' : 'Cancel'}</Button>
          <Button
            onClick={() => void go(true)}
            disabledReason={!cluster ? 'Pick a cluster.' : busy ? 'Working…' : undefined}
          >
            Dry run
          </Button>
          <Button
            variant="primary"
            onClick={() => void go(false)}
            disabledReason={
              busy ? 'Working…' : canApply ? undefined : 'Run a dry run without failures first.'
            }
          >
            Apply
          </Button>
        </div>
      </div>
    </div>
  );
}
