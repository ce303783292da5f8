import { useEffect, useState } from 'react';
import { droppedFolders, mayBe, sortDrop } from '../../app/drop-kind';
import { attachFromFiles } from './open-kubeconfig';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Kubeconfigs dropped anywhere on the window are read and open the attach view; snapshots and
 * manifests in the same drop are left to their own handlers (renderer/app/drop-kind.ts decides).
 * Listens in the capture phase, so it runs before the shell's drop guard and marks the drop handled.
 * Returns whether files are being dragged over the window (to show a drop hint).
 */
export function useKubeconfigDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setOver(false);
      const folders = droppedFolders(e.dataTransfer);
      const files = [...(e.dataTransfer?.files ?? [])].filter((f) =>
        mayBe('kubeconfig', f.name, folders.has(f.name)),
      );
      if (files.length === 0) return;
      e.preventDefault();
      void sortDrop(files, folders).then(({ kubeconfig }) => {
        if (kubeconfig.length > 0) attachFromFiles(kubeconfig);
      });
    };
    window.addEventListener('dragenter', onEnter, true);
    window.addEventListener('dragleave', onLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragenter', onEnter, true);
      window.removeEventListener('dragleave', onLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, []);
  return over;
}
