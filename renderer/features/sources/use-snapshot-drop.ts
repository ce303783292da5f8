import { useEffect } from 'react';
import { mayBe } from '../../app/drop-kind';
import { messageOf } from '../../lib/call';
import { useNoticeStore } from '../../stores/notice-store';
import { openSnapshotFile } from './open-snapshot';

/**
 * .flotilla files dropped anywhere on the window open as snapshots (the last one dropped is shown).
 * Capture phase, so the drop is claimed before the shell's guard; other files are left to their handlers.
 */
export function useSnapshotDrop(): void {
  useEffect(() => {
    const onDrop = (e: DragEvent) => {
      const files = [...(e.dataTransfer?.files ?? [])].filter((f) => mayBe('snapshot', f.name));
      if (files.length === 0) return;
      e.preventDefault();
      const notice = useNoticeStore.getState().show;
      void (async () => {
        for (const file of files) {
          try {
            const view = await openSnapshotFile(file);
            notice(`Opened ${view.label}.`);
          } catch (err) {
            notice(`${file.name} was not opened: ${messageOf(err)}`, 'error');
          }
        }
      })();
    };
    window.addEventListener('drop', onDrop, true);
    return () => window.removeEventListener('drop', onDrop, true);
  }, []);
}
