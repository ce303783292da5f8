import { useState, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { messageOf } from '../../lib/call';
import { useNoticeStore } from '../../stores/notice-store';
import { formatLabels, parseLabels } from './labels';

/**
 * What cluster groups and workspaces share: both are named, described, labelled containers (of clusters,
 * of namespaces) with a create form, an editor and a "move the members to default and delete" dialog.
 */

export interface Container {
  id: string;
  name: string;
  description: string;
  labels: Record<string, string>;
}

export interface ContainerInput {
  name: string;
  description: string;
  labels: Record<string, string>;
}

/** Name, description and labels of one container, saved with `save` (the name only when changed). */
export function ContainerEditor({
  noun,
  item,
  save,
}: {
  /** "Group" or "Workspace": the fields' accessible names ("Group name" …). */
  noun: string;
  item: Container;
  save(patch: { name?: string; description: string; labels: Record<string, string> }): Promise<unknown>;
}) {
  const [name, setName] = useState(item.name);
  const [description, setDescription] = useState(item.description);
  const [labels, setLabels] = useState(formatLabels(item.labels));
  const [error, setError] = useState<string | null>(null);
  const notice = useNoticeStore((s) => s.show);
  const submit = async () => {
    const parsed = parseLabels(labels);
    if ('error' in parsed) return setError(parsed.error);
    try {
      await save({ name: name === item.name ? undefined : name, description, labels: parsed.labels });
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
            disabled={item.id === 'default'}
            onChange={(e) => setName(e.target.value)}
            aria-label={`${noun} name`}
          />
        </label>
        <label className="fl-field">
          <span>Description</span>
          <input
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-label={`${noun} description`}
          />
        </label>
        <label className="fl-field">
          <span>Labels</span>
          <input value={labels} onChange={(e) => setLabels(e.target.value)} aria-label={`${noun} labels`} />
        </label>
        <div>
          <Button onClick={() => void submit()}>Save</Button>
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

/** "New <noun> name", description, labels and a create button. */
export function CreateContainerForm({
  noun,
  namePlaceholder,
  labelsPlaceholder,
  create,
}: {
  /** Lower case: "group", "workspace". */
  noun: string;
  namePlaceholder: string;
  labelsPlaceholder: string;
  create(input: ContainerInput): Promise<unknown>;
}) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [labels, setLabels] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const parsed = parseLabels(labels);
    if ('error' in parsed) return setError(parsed.error);
    try {
      await create({ name: name.trim(), description, labels: parsed.labels });
      setName('');
      setDescription('');
      setLabels('');
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <form
        className="fl-groups-create"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="fl-field">
          <span>New {noun} name</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={namePlaceholder}
            aria-label={`New ${noun} name`}
          />
        </label>
        <label className="fl-field">
          <span>Description</span>
          <input
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-label={`New ${noun} description`}
          />
        </label>
        <label className="fl-field">
          <span>Labels</span>
          <input
            value={labels}
            onChange={(e) => setLabels(e.target.value)}
            placeholder={labelsPlaceholder}
            aria-label={`New ${noun} labels`}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
          Create {noun}
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** "Delete X?" when it still has members: they move to default, nothing changes on the clusters. */
export function DeleteContainerDialog({
  name,
  children,
  confirmText,
  onCancel,
  onConfirm,
}: {
  name: string;
  children: ReactNode;
  confirmText: string;
  onCancel(): void;
  onConfirm(): void;
}) {
  return (
    <div className="fl-overlay" role="presentation" onClick={onCancel}>
      <div
        className="fl-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="container-del-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="container-del-title">Delete {name}?</h2>
        <p>{children}</p>
        <div className="fl-dialog-actions">
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="primary" onClick={onConfirm}>
            {confirmText}
          </Button>
        </div>
      </div>
    </div>
  );
}
