import { useState } from 'react';
import type { NamespaceRef } from '../../../shared/contract/workspaces';
import { Button } from '../../components/Button';
import { useNoticeStore } from '../../stores/notice-store';
import { call, messageOf } from '../../lib/call';
import { useWorkspaces } from '../workspaces/use-workspaces';

/** "Attach namespaces": adopts the selected namespaces into one workspace (nothing changes on the clusters). */
export function AttachDialog({
  namespaces,
  onClose,
}: {
  namespaces: readonly (NamespaceRef & { clusterName: string })[];
  onClose: (done: boolean) => void;
}) {
  const { workspaces } = useWorkspaces();
  const [workspace, setWorkspace] = useState('default');
  const [error, setError] = useState<string | null>(null);
  const notice = useNoticeStore((s) => s.show);
  const attach = async () => {
    try {
      const { attached } = await call('namespaces.attach', {
        workspaceId: workspace,
        namespaces: namespaces.map(({ cluster, name }) => ({ cluster, name })),
      });
      const ws = workspaces.find((w) => w.id === workspace)?.name ?? workspace;
      notice(`Attached ${attached} namespace${attached === 1 ? '' : 's'} to ${ws}.`);
      onClose(true);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <div className="fl-overlay" role="presentation" onClick={() => onClose(false)}>
      <div
        className="fl-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="ns-attach-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose(false)}
      >
        <h2 id="ns-attach-title">Attach namespaces</h2>
        <p>
          {namespaces.length} namespace{namespaces.length === 1 ? '' : 's'} will be managed in the workspace
          you choose (moved from their current one, if any). Nothing changes on the clusters.
        </p>
        <ul className="fl-detach-list">
          {namespaces.map((n) => (
            <li key={`${n.cluster}/${n.name}`}>
              {n.name} <span className="fl-muted">on {n.clusterName}</span>
            </li>
          ))}
        </ul>
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
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="fl-dialog-actions">
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button variant="primary" onClick={() => void attach()}>
            Attach
          </Button>
        </div>
      </div>
    </div>
  );
}
