import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { call, messageOf, useEvent } from '../../lib/call';
import { useSource } from '../../stores/source-store';
import { ContainerEditor, DeleteContainerDialog } from '../clusters/NamedContainer';
import { NamespaceTable } from '../namespaces/NamespaceTable';
import { CaptureButton } from '../sources/CaptureDialog';
import { ExportButton } from '../manifests/ExportButton';

type Detail = CallOutput<'workspaces.get'>;

/** One workspace: edit it, its namespaces across clusters, delete it. */
export function WorkspaceDetail({ id }: { id: string }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const live = useSource() === 'live';
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
          {live ? <CaptureButton scope={{ kind: 'workspace', name: detail.id }} name={detail.name} /> : null}
          {live ? (
            <ExportButton
              title={`Export ${detail.name}`}
              fileName={detail.name}
              targets={{ source: 'live', workspace: detail.id }}
            />
          ) : null}
          {live ? (
            <Button href={`#/namespaces/new/${encodeURIComponent(detail.id)}`}>New namespace</Button>
          ) : null}
          {detail.id === 'default' ? null : (
            <Button onClick={() => (detail.namespaces === 0 ? void remove(false) : setConfirm(true))}>
              Delete workspace…
            </Button>
          )}
        </>
      }
    >
      <ContainerEditor
        key={detail.id + detail.name}
        noun="Workspace"
        item={detail}
        save={(patch) => call('workspaces.update', { id: detail.id, ...patch })}
      />
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
        <DeleteContainerDialog
          name={detail.name}
          confirmText="Move namespaces to default and delete"
          onCancel={() => setConfirm(false)}
          onConfirm={() => void remove(true)}
        >
          It still has {detail.namespaces} namespace{detail.namespaces === 1 ? '' : 's'}. They will move to
          the <strong>default</strong> workspace; nothing changes on the clusters.
        </DeleteContainerDialog>
      ) : null}
    </Page>
  );
}
