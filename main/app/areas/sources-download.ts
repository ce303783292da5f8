import fs from 'node:fs';
import path from 'node:path';

/**
 * The snapshot files this run of the app captured, by capture task id, so browser mode can hand them
 * to the browser (the dialog otherwise shows a path on the server's machine). Only those files: a
 * download names a task, never a path, and a file that was replaced since (another file, or a link, in
 * its place) is not served.
 */

export interface CapturedFile {
  file: string;
  /** The file's name for the browser's Save dialog. */
  name: string;
  size: number;
  handle: fs.promises.FileHandle;
}

export interface CapturedFiles {
  /** A capture finished writing `file`. */
  remember(taskId: string, file: string): void;
  /** The file, opened for reading, while it is still the one the capture wrote; undefined otherwise. */
  open(taskId: string): Promise<CapturedFile | undefined>;
}

export function createCapturedFiles(): CapturedFiles {
  // an inode number can be reused once a file is deleted: its modification time tells a new file apart
  const written = new Map<string, { file: string; dev: number; ino: number; mtimeMs: number }>();
  return {
    remember(taskId, file) {
      const st = fs.statSync(file, { throwIfNoEntry: false });
      if (st?.isFile()) written.set(taskId, { file, dev: st.dev, ino: st.ino, mtimeMs: st.mtimeMs });
    },
    async open(taskId) {
      const w = written.get(taskId);
      if (!w) return undefined;
      const handle = await fs.promises.open(w.file, 'r').catch(() => undefined);
      if (!handle) return undefined;
      // the open file itself is checked, so a swap after this point cannot change what is read
      const st = await handle.stat();
      if (!st.isFile() || st.dev !== w.dev || st.ino !== w.ino || st.mtimeMs !== w.mtimeMs) {
        await handle.close();
        return undefined;
      }
      return { file: w.file, name: path.basename(w.file), size: st.size, handle };
    },
  };
}

/** Content-Disposition for a download: an ASCII name for old clients and the exact one (RFC 6266). */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\w.-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
