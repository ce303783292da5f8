import type { SourceView } from '../../../shared/contract/sources';
import { call } from '../../lib/call';
import { useSourceStore } from '../../stores/source-store';
import { useSourcesStore } from './sources-store';

/** The desktop shell's preload gives a dropped or picked file's path; browser mode has none. */
function pathOf(file: File): string {
  const preload = (window as { flotilla?: { pathForFile?: (f: File) => string } }).flotilla;
  return preload?.pathForFile ? preload.pathForFile(file) : '';
}

/** A file's bytes as base64 (the browser encodes it natively, without a string per byte). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

async function shown(view: SourceView): Promise<SourceView> {
  useSourceStore.getState().setSource(view.id);
  await useSourcesStore.getState().refresh();
  return view;
}

/** Opens a .flotilla file read-only (by path in the desktop shell, by content in browser mode) and shows it. */
export async function openSnapshotFile(file: File): Promise<SourceView> {
  const path = pathOf(file);
  const view = path
    ? await call('snapshots.open', { path })
    : await call('snapshots.open', { name: file.name, dataBase64: await readBase64(file) });
  return shown(view);
}

/** Opens the sample snapshot of the demo fleet that ships with Flotilla, and shows it. */
export async function openSampleSnapshot(): Promise<SourceView> {
  return shown(await call('snapshots.openSample', {}));
}
