import { useState } from 'react';
import { Button } from '../../components/Button';
import { call, messageOf } from '../../lib/call';

export interface DetachTarget {
  id: string;
  name: string;
  protected: boolean;
}

/**
 * Confirms detaching: Flotilla forgets the clusters and their credentials (nothing changes on
 * the clusters). Protected clusters need their name typed.
 */
export function DetachDialog({
  targets,
  onClose,
  onDone,
}: {
  targets: DetachTarget[];
  onClose(): void;
  onDone(): void;
}) {
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const guarded = targets.filter((t) => t.protected);
  const ready = guarded.every((t) => typed[t.id] === t.name);
  const detach = async () => {
    setBusy(true);
    try {
      await call('clusters.detach', {
        ids: targets.map((t) => t.id),
        confirmNames: guarded.map((t) => typed[t.id] ?? ''),
      });
      onDone();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  const title = targets.length === 1 ? `Detach ${targets[0]!.name}?` : `Detach ${targets.length} clusters?`;
  return (
    <div className="fl-overlay" role="presentation" onClick={onClose}>
      <div
        className="fl-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="detach-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="detach-title">{title}</h2>
        <p>
          Flotilla forgets {targets.length === 1 ? 'this cluster' : 'these clusters'} and the stored
          credentials. Nothing changes on the cluster itself; you can attach it again from its kubeconfig.
        </p>
        {targets.length > 1 ? (
          <ul className="fl-detach-list">
            {targets.map((t) => (
              <li key={t.id}>{t.name}</li>
            ))}
          </ul>
        ) : null}
        {guarded.map((t) => (
          <label key={t.id} className="fl-field">
            <span>
              <strong>{t.name}</strong> is protected (<code>flotilla.io/protected: &quot;true&quot;</code>).
              Type its name to confirm:
            </span>
            <input
              value={typed[t.id] ?? ''}
              onChange={(e) => setTyped({ ...typed, [t.id]: e.target.value })}
              aria-label={`Type ${t.name} to confirm`}
              autoFocus
            />
          </label>
        ))}
        {error ? <p className="form-error">{error}</p> : null}
        <div className="fl-dialog-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            onClick={() => void detach()}
            disabledReason={
              busy ? 'Detaching…' : ready ? undefined : 'Type the name of each protected cluster first.'
            }
          >
            Detach
          </Button>
        </div>
      </div>
    </div>
  );
}
