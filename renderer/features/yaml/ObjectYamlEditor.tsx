import { useState } from 'react';
import type { LiveObjectRef } from '../../../shared/contract/apply';
import { Button } from '../../components/Button';
import { CodeEditor } from './CodeEditor';
import { DeleteDialog } from './DeleteDialog';
import { DiffView } from './DiffView';
import { StepList } from './StepList';
import { useApplyFlow } from './use-apply-flow';
import './yaml.css';

/**
 * Edits a live object as YAML: the object fresh from its cluster (managedFields hidden), Review
 * shows the diff against it, Apply runs a server-side dry run and then server-side apply as
 * "flotilla"; a conflict offers Reload and Force apply. Read-only when `readOnly` says why (a
 * snapshot) or the user may not change the object. (Named `objectRef`: React 19 reserves `ref`.)
 */
export function ObjectYamlEditor({
  objectRef,
  readOnly: sourceReadOnly,
  onDeleted,
  highlight,
  clusterName,
}: {
  objectRef: LiveObjectRef;
  /** The cluster's name, for messages before the object has loaded (default: its id). */
  clusterName?: string;
  readOnly?: string;
  onDeleted?(): void;
  /** A field path to highlight and scroll to (e.g. an inspection finding's). */
  highlight?: string;
}) {
  const flow = useApplyFlow(objectRef);
  const [deleting, setDeleting] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const { opened } = flow;
  const cluster = opened?.clusterName ?? clusterName ?? objectRef.cluster;
  const readOnly = sourceReadOnly ?? opened?.readOnly;
  const last = flow.steps[flow.steps.length - 1];
  const conflict = last?.kind === 'failed' && last.error.code === 'CONFLICT' ? last : undefined;

  if (deleted) {
    return (
      <p className="yaml-banner" role="status">
        {objectRef.kind} {objectRef.name} was deleted.
      </p>
    );
  }
  if (!opened) {
    return (
      <div className="yaml-editor">
        {flow.busy ? <p className="yaml-muted">Reading the object from {cluster}…</p> : null}
        <StepList steps={flow.steps} cluster={cluster} />
        {!flow.busy ? <Button onClick={() => void flow.reload()}>Try again</Button> : null}
      </div>
    );
  }

  const reviewBlocked = readOnly
    ? readOnly
    : flow.problems.length > 0
      ? `Fix the YAML first: line ${flow.problems[0]!.line}: ${flow.problems[0]!.message}`
      : !flow.changed
        ? 'Nothing has changed yet'
        : undefined;

  return (
    <div className="yaml-editor" data-mode={flow.mode}>
      {readOnly ? (
        <p className="yaml-banner" role="note">
          Read-only: {readOnly}
        </p>
      ) : null}
      <div className="yaml-toolbar" role="toolbar" aria-label="YAML actions">
        <span className="yaml-muted">
          {opened.clusterName} · resourceVersion {opened.resourceVersion}
          {flow.changed ? ' · edited' : ''}
        </span>
        <span className="yaml-spacer" />
        {flow.mode === 'edit' ? (
          <>
            <Button onClick={() => void flow.reload()} disabledReason={flow.busy ? 'Working…' : undefined}>
              Reload
            </Button>
            <Button
              onClick={() => setDeleting(true)}
              disabledReason={sourceReadOnly ?? opened.noDelete ?? (flow.busy ? 'Working…' : undefined)}
            >
              Delete…
            </Button>
            <Button variant="primary" onClick={() => flow.setMode('review')} disabledReason={reviewBlocked}>
              Review
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => flow.setMode('edit')}>Back to editing</Button>
            <Button
              variant="primary"
              onClick={() => void flow.apply(false)}
              disabledReason={flow.busy ? 'Applying…' : reviewBlocked}
            >
              Apply
            </Button>
          </>
        )}
      </div>
      <StepList steps={flow.steps} cluster={cluster} />
      {conflict ? (
        <div className="yaml-conflict" role="group" aria-label="Resolve the conflict">
          <Button onClick={() => void flow.reload()}>Reload (discard my edits)</Button>
          <Button
            variant="primary"
            onClick={() => void flow.apply(true)}
            disabledReason={flow.busy ? 'Applying…' : undefined}
          >
            Force apply
          </Button>
        </div>
      ) : null}
      {flow.mode === 'review' ? (
        <DiffView original={flow.baseline} modified={flow.text} />
      ) : (
        <CodeEditor
          value={flow.text}
          onChange={flow.setText}
          readOnly={Boolean(readOnly)}
          label={`YAML of ${objectRef.kind} ${objectRef.name}`}
          highlight={highlight}
          schemaCluster={objectRef.cluster}
        />
      )}
      {deleting ? (
        <DeleteDialog
          objectRef={objectRef}
          clusterName={opened.clusterName}
          isProtected={opened.protected}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            setDeleted(true);
            onDeleted?.();
          }}
        />
      ) : null}
    </div>
  );
}
