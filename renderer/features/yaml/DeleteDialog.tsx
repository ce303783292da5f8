import { useState } from 'react';
import type { LiveObjectRef } from '../../../shared/contract/apply';
import { Button } from '../../components/Button';
import { call, messageOf } from '../../lib/call';
import '../clusters/clusters.css';

/** Confirms deleting the object; on a protected cluster the cluster's name must be typed. */
export function DeleteDialog({
  objectRef,
  clusterName,
  isProtected,
  onClose,
  onDeleted,
}: {
  objectRef: LiveObjectRef;
  clusterName: string;
  isProtected: boolean;
  onClose(): void;
  onDeleted(): void;
}) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const where = objectRef.namespace ? `${objectRef.namespace}/${objectRef.name}` : objectRef.name;
  const remove = async () => {
    setBusy(true);
    try {
      await call('apply.delete', { ref: objectRef, confirmName: isProtected ? typed : undefined });
      onDeleted();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  const blocked = busy
    ? 'Deleting…'
    : isProtected && typed !== clusterName
      ? `Type ${clusterName} to confirm`
      : undefined;
  return (
    <div className="fl-overlay" role="presentation" onClick={onClose}>
      <div
        className="fl-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="yaml-delete-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="yaml-delete-title">
          Delete {objectRef.kind} {where}?
        </h2>
        <p>
          This deletes it from cluster <strong>{clusterName}</strong>; objects it owns are deleted in the
          background. It cannot be undone.
        </p>
        {isProtected ? (
          <label className="yaml-confirm">
            {clusterName} is protected. Type its name to confirm:
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoFocus
              aria-label="Cluster name"
            />
          </label>
        ) : null}
        {error ? (
          <p className="yaml-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="fl-dialog-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={() => void remove()} disabledReason={blocked}>
            Delete
          </Button>
        </div>
      </div>
    </div>
  );
}
