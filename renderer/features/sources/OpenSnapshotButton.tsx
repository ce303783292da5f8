import { useRef, useState } from 'react';
import { messageOf } from '../../lib/call';
import { useNoticeStore } from '../../stores/notice-store';
import { openSampleSnapshot, openSnapshotFile } from './open-snapshot';

/** "Open snapshot…": picks a .flotilla file and shows it read-only. */
export function OpenSnapshotButton({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const notice = useNoticeStore((s) => s.show);
  const open = async (file: File) => {
    setBusy(true);
    try {
      const view = await openSnapshotFile(file);
      notice(`Opened ${view.label}.`);
    } catch (e) {
      notice(`${file.name} was not opened: ${messageOf(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className={`btn btn-${variant}`}
        disabled={busy}
        title={busy ? 'Opening the snapshot…' : 'Open a .flotilla snapshot file, read-only'}
        onClick={() => input.current?.click()}
      >
        {busy ? 'Opening…' : 'Open snapshot…'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".flotilla"
        hidden
        data-testid="open-snapshot-input"
        aria-label="Snapshot file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
    </>
  );
}

/** "Open the sample snapshot": the demo fleet as captured, for a look around without any cluster. */
export function OpenSampleButton({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
  const [busy, setBusy] = useState(false);
  const notice = useNoticeStore((s) => s.show);
  const open = () => {
    setBusy(true);
    openSampleSnapshot().then(
      (view) => {
        setBusy(false);
        notice(`Opened ${view.label}.`);
      },
      (e: unknown) => {
        setBusy(false);
        notice(`The sample snapshot was not opened: ${messageOf(e)}`, 'error');
      },
    );
  };
  return (
    <button type="button" className={`btn btn-${variant}`} disabled={busy} onClick={open}>
      {busy ? 'Opening…' : 'Open the sample snapshot'}
    </button>
  );
}
