/**
 * Reading a drop of manifests in the browser: files come as File objects, folders as file-system
 * entries walked recursively (webkitGetAsEntry). Only .yaml/.yml/.json files are read, hidden folders
 * are skipped, and the total is capped so a huge folder cannot exhaust the page.
 */

export interface DroppedText {
  /** The file's name, or its path inside the dropped folder ("app/deploy.yaml"). */
  name: string;
  text: string;
}

export const MANIFEST_NAME = /\.(ya?ml|json)$/i;
/** What one drop may read in all: the text crosses the browser-mode WebSocket (32 MB a message) JSON-escaped. */
export const MAX_DROP_BYTES = 24 * 1024 * 1024;
export const MAX_DROP_FILES = 10_000;

export class DropTooLargeError extends Error {
  override name = 'DropTooLargeError';
}

/** Keeps the files worth reading: manifest names, outside hidden folders. */
export function manifestFiles<F extends { name: string }>(files: readonly F[]): F[] {
  return files.filter(
    (f) =>
      MANIFEST_NAME.test(f.name) && !f.name.split('/').some((part) => part.startsWith('.') && part !== '.'),
  );
}

/** Checks a drop against the caps before anything is read, with a message naming the limit. */
export function checkDropSize(files: readonly { size: number }[]): void {
  if (files.length > MAX_DROP_FILES) {
    throw new DropTooLargeError(
      `${files.length} manifest files: more than the ${MAX_DROP_FILES} one drop may hold`,
    );
  }
  const bytes = files.reduce((n, f) => n + f.size, 0);
  if (bytes > MAX_DROP_BYTES) {
    throw new DropTooLargeError(
      `${Math.round(bytes / 1048576)} MB of manifests: more than the ${MAX_DROP_BYTES / 1048576} MB one drop may hold`,
    );
  }
}

const readEntries = (reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> =>
  new Promise((resolve, reject) => reader.readEntries(resolve, reject));

const fileOf = (entry: FileSystemFileEntry): Promise<File> =>
  new Promise((resolve, reject) => entry.file(resolve, reject));

/** Every file under a dropped folder, named by its path from the folder ("shop/web/deploy.yaml"). */
export async function walkFolder(
  root: FileSystemDirectoryEntry,
): Promise<Array<{ name: string; file: File }>> {
  const out: Array<{ name: string; file: File }> = [];
  const walk = async (dir: FileSystemDirectoryEntry, prefix: string): Promise<void> => {
    const reader = dir.createReader();
    // readEntries answers in batches (100 in Chromium) until an empty one
    for (;;) {
      const batch = await readEntries(reader);
      if (!batch.length) break;
      for (const entry of batch) {
        if (entry.name.startsWith('.')) continue;
        const name = `${prefix}/${entry.name}`;
        if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, name);
        else if (entry.isFile && MANIFEST_NAME.test(entry.name)) {
          out.push({ name, file: await fileOf(entry as FileSystemFileEntry) });
        }
        if (out.length > MAX_DROP_FILES) return;
      }
    }
  };
  await walk(root, root.name);
  return out;
}

/** Reads the chosen files as text, after checking the caps. */
export async function readTexts(files: ReadonlyArray<{ name: string; file: Blob }>): Promise<DroppedText[]> {
  checkDropSize(files.map((f) => f.file));
  return Promise.all(files.map(async ({ name, file }) => ({ name, text: await file.text() })));
}
