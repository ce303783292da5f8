import { useEffect } from 'react';
import { useNoticeStore } from '../stores/notice-store';
import { unhandledDropText } from './drop-text';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * A file dropped on a browser page replaces the page with the file. The shell stops that for the
 * whole window; a feature that accepts drops handles them first and calls preventDefault, and
 * anything it leaves gets a notice instead of silence.
 */
export function useDropGuard(): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      const handled = event.defaultPrevented;
      event.preventDefault();
      if (handled) return;
      const names = [...(event.dataTransfer?.files ?? [])].map((file) => file.name);
      useNoticeStore.getState().show(unhandledDropText(names), 'warn');
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
