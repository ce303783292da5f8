import { useEffect, useState } from 'react';
import type { ClusterRow } from '../../../shared/contract/fleet';
import { namespaceNameProblem } from '../../../shared/contract/workspaces';
import { Button } from '../../components/Button';
import { useNoticeStore } from '../../stores/notice-store';
import { call, messageOf } from '../../lib/call';
import { parseLabels } from '../clusters/labels';
import { useWorkspaces } from '../workspaces/use-workspaces';

/** "New namespace": location (cluster, workspace), then name, description, labels; creates it on the cluster. */
export function NewNamespaceDialog({ workspaceId, onClose }: { workspaceId?: string; onClose: () => void }) {
  const { workspaces } = useWorkspaces();
  const [clusters, setClusters] = useState<ClusterRow[]>([]);
  const [cluster, setCluster] = useState('');
  const [workspace, setWorkspace] = useState(workspaceId ?? 'default');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [labels, setLabels] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = useNoticeStore((s) => s.show);

  useEffect(() => {
    call('clusters.list', { limit: 1000 }).then(
      (page) => {
        setClusters(page.items);
        setCluster((c) => c || (page.items.find((r) => r.status === 'ready') ?? page.items[0])?.id || '');
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);

  const problem = name === '' ? null : namespaceNameProblem(name);
  const create = async () => {
    const parsed = parseLabels(labels);
    if ('error' in parsed) return setError(parsed.error);
    const p = namespaceNameProblem(name);
    if (p) return setError(p);
    setBusy(true);
    try {
      const row = await call('namespaces.create', {
        clusterId: cluster,
        workspaceId: workspace,
        name,
        description,
        labels: parsed.labels,
      });
      notice(`Created namespace ${row.name} on ${row.clusterName} in workspace ${row.workspaceName ?? ''}.`);
      onClose();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fl-overlay" role="presentation" onClick={onClose}>
      <div
        className="fl-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="ns-new-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="ns-new-title">New namespace</h2>
        <form
          className="fl-ns-form"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <strong>Select the location</strong>
          <label className="fl-field">
            <span>Cluster</span>
            <select value={cluster} onChange={(e) => setCluster(e.target.value)} aria-label="Cluster">
              {clusters.length === 0 ? <option value="">No clusters attached</option> : null}
              {clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.status === 'ready' ? '' : ` (${c.status})`}
                </option>
              ))}
            </select>
          </label>
          <label className="fl-field">
            <span>Workspace</span>
            <select value={workspace} onChange={(e) => setWorkspace(e.target.value)} aria-label="Workspace">
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
          <strong>Name and create</strong>
          <label className="fl-field">
            <span>Name</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-label="Namespace name"
              aria-invalid={problem ? true : undefined}
              autoFocus
            />
          </label>
          {problem ? (
            <p className="fl-ns-problem">{problem}</p>
          ) : (
            <p className="fl-ns-hint">
              Name must be lowercase letters, numbers and hyphens (at most 63), and unique within the cluster.
            </p>
          )}
          <label className="fl-field">
            <span>Description</span>
            <input
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              aria-label="Namespace description"
            />
          </label>
          <label className="fl-field">
            <span>Labels</span>
            <input
              value={labels}
              onChange={(e) => setLabels(e.target.value)}
              placeholder="owner: team-a, env: dev"
              aria-label="Namespace labels"
            />
          </label>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="fl-dialog-actions">
            <Button onClick={onClose}>Cancel</Button>
            <button
              type="submit"
              className="btn btn-primary"
              disabled={busy || !cluster || !workspace || name === '' || problem !== null}
            >
              {busy ? 'Creating…' : 'Create'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
