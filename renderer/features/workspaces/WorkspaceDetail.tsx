import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { useNoticeStore } from '../../stores/notice-store';
import { call, messageOf, useEvent } from '../../lib/call';
import { formatLabels, parseLabels } from '../clusters/labels';
import { NamespaceTable } from '../namespaces/NamespaceTable';

type Detail = CallOutput<'workspaces.get'>;

function WorkspaceEditor({ workspace }: { workspace: Detail }) {
  const [name, setName] = useState(workspace.name);
  const [description, setDescription] = useState(workspace.description);
  const [labels, setLabels] = useState(formatLabels(workspace.labels));
  const [error, setError] = useState<string | null>(null);
  const notice = useNoticeStore((s) => s.show);
  const save = async () => {
    const parsed = parseLabels(labels);
    if ('error' in parsed) return setError(parsed.error);
    try {
      await call('workspaces.update', {
        id: workspace.id,
        name: name === workspace.name ? undefined : name,
        description,
        labels: parsed.labels,
      });
      setError(null);
      notice(`Saved ${name}.`);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <div className="fl-group-edit">
        <label className="fl-field">
          <span>Name</span>
          <input
            value={name}
            disabled={workspace.id === 'default'}
            onChange={(e) => setName(e.target.value)}
            aria-label="Workspace name"
          />
        </label>
        <label className="fl-field">
          <span>Description</span>
          <input
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-label="Workspace description"
          />
        </label>
        <label className="fl-field">
          <span>Labels</span>
          <input value={labels} onChange={(e) => setLabels(e.target.value)} aria-label="Workspace labels" />
        </label>
        <div>
          <Button onClick={() => void save()}>Save</Button>
        </div>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** One workspace: edit it, its namespaces across clusters, delete it. */
export function WorkspaceDetail({ id }: { id: string }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const reload = useCallback(() => {
    call('workspaces.get', { id }).then(
      (d) => {
        setDetail(d);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [id]);
  useEffect(reload, [reload]);
  useEvent('workspaces.changed', reload);
  useEvent('objects.changed', (n) => {
    if (n.changes.some((c) => c.kind === 'Namespace' || c.kind === '*')) reload();
  });

  if (!detail) {
    return (
      <Page title="Workspace" actions={<Button href="#/workspaces">All workspaces</Button>}>
        <p className={error ? 'form-error' : 'fl-muted'}>{error ?? 'Loading…'}</p>
      </Page>
    );
  }
  const remove = async (moveNamespacesToDefault: boolean) => {
    try {
      await call('workspaces.delete', { id, moveNamespacesToDefault });
      window.location.hash = '#/workspaces';
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Page
      title={detail.name}
      description={detail.description || 'Workspace'}
      actions={
        <>
          <Button href="#/workspaces">All workspaces</Button>
          <Button href={`#/namespaces/new/${encodeURIComponent(detail.id)}`}>New namespace</Button>
          {detail.id === 'default' ? null : (
            <Button onClick={() => (detail.namespaces === 0 ? void remove(false) : setConfirm(true))}>
              Delete workspace…
            </Button>
          )}
        </>
      }
    >
      <WorkspaceEditor key={detail.id + detail.name} workspace={detail} />
      {error ? <p className="form-error">{error}</p> : null}
      <h2 className="fl-section-title">
        Namespaces{' '}
        <span className="fl-muted">
          ({detail.members.length} on {detail.clusters} clusters)
        </span>
      </h2>
      {detail.members.length === 0 ? (
        <p className="fl-muted">
          No namespaces yet. Create one with “New namespace”, or attach existing ones from the{' '}
          <a href="#/namespaces">Namespaces</a> page.
        </p>
      ) : (
        <NamespaceTable rows={detail.members} label={`Namespaces of ${detail.name}`} />
      )}
      {confirm ? (
        <div className="fl-overlay" role="presentation" onClick={() => setConfirm(false)}>
          <div
            className="fl-dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby="ws-del-title"
            onClick={(e) => e.stopPropagation()}
          >
            <h2 id="ws-del-title">Delete {detail.name}?</h2>
            <p>
              It still has {detail.namespaces} namespace{detail.namespaces === 1 ? '' : 's'}. They will move
              to the <strong>default</strong> workspace; nothing changes on the clusters.
            </p>
            <div className="fl-dialog-actions">
              <Button onClick={() => setConfirm(false)}>Cancel</Button>
              <Button variant="primary" onClick={() => void remove(true)}>
                Move namespaces to default and delete
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </Page>
  );
}
