import { useEffect } from 'react';
import { mayBe, sortDrop } from '../../app/drop-kind';
import { messageOf } from '../../lib/call';
import { useManifestsStore } from './manifests-store';
import { manifestFiles, readTexts, walkFolder } from './read-drop';

/** The desktop shell's preload gives a dropped file's (or folder's) path; browser mode has none. */
function pathOf(file: File): string {
  const preload = (window as { flotilla?: { pathForFile?: (f: File) => string } }).flotilla;
  return preload?.pathForFile ? preload.pathForFile(file) : '';
}

/**
 * Manifests dropped anywhere on the window (YAML/JSON files that are not kubeconfigs, or folders)
 * are imported as a virtual cluster and the import result page opens. Capture phase, like the other
 * drop handlers; renderer/app/drop-kind.ts decides which handler takes which file.
 */
export function useManifestsDrop(): void {
  useEffect(() => {
    const onDrop = (e: DragEvent) => {
      const transfer = e.dataTransfer;
      if (!transfer) return;
      // entries must be taken while the event lasts
      const entries = new Map<string, FileSystemEntry>();
      for (const item of [...transfer.items]) {
        const entry = item.kind === 'file' ? item.webkitGetAsEntry?.() : null;
        if (entry) entries.set(entry.name, entry);
      }
      const folders = new Set([...entries.values()].filter((x) => x.isDirectory).map((x) => x.name));
      const files = [...transfer.files].filter((f) => mayBe('manifests', f.name, folders.has(f.name)));
      if (!files.length) return;
      e.preventDefault();
      const store = useManifestsStore.getState();
      void (async () => {
        try {
          const sorted = await sortDrop(files, folders);
          const chosen = sorted.manifests;
          if (!chosen.length) return;
          const what = chosen.length === 1 ? chosen[0]!.name : `${chosen.length} items`;
          const paths = chosen.map(pathOf);
          if (paths.every(Boolean)) {
            await store.importDrop({ paths, what });
            return;
          }
          const texts: Array<{ name: string; file: File }> = [];
          for (const f of chosen) {
            const entry = entries.get(f.name);
            if (entry?.isDirectory) texts.push(...(await walkFolder(entry as FileSystemDirectoryEntry)));
            else texts.push({ name: f.name, file: f });
          }
          const readable = manifestFiles(texts);
          if (!readable.length) {
            store.fail(`${what} holds no .yaml, .yml or .json files.`);
            return;
          }
          await store.importDrop({ files: await readTexts(readable), what });
        } catch (err) {
          store.fail(`The dropped manifests were not imported: ${messageOf(err)}`);
        }
      })();
    };
    window.addEventListener('drop', onDrop, true);
    return () => window.removeEventListener('drop', onDrop, true);
  }, []);
}
