/**
 * Writes an export to disk with nothing half-written: a file through a temporary file renamed into
 * place, a folder built beside its destination and renamed into place. An existing non-empty folder
 * is never written into.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExportFile } from './render';

export class ExportWriteError extends Error {
  override name = 'ExportWriteError';
}

const tmpName = (target: string) =>
  path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);

async function isEmptyDirOrMissing(p: string): Promise<'missing' | 'empty' | 'file' | 'full'> {
  try {
    const st = await fs.stat(p);
    if (!st.isDirectory()) return 'file';
    return (await fs.readdir(p)).length ? 'full' : 'empty';
  } catch {
    return 'missing';
  }
}

/** Writes `files` to `target` (a file for the 'file' layout, a folder for 'folder'); returns absolute paths. */
export async function writeExport(
  files: readonly ExportFile[],
  layout: 'file' | 'folder',
  target: string,
): Promise<ExportFile[]> {
  const dest = path.resolve(target);
  try {
    await fs.mkdir(path.dirname(dest), { recursive: true });
  } catch (e) {
    throw new ExportWriteError(`${path.dirname(dest)}: cannot create the folder (${(e as Error).message})`);
  }
  if (layout === 'file') {
    const state = await isEmptyDirOrMissing(dest);
    if (state === 'empty' || state === 'full')
      throw new ExportWriteError(`${dest} is a folder; give a file name`);
    const tmp = tmpName(dest);
    const text = files.map((f) => f.text).join('---\n');
    try {
      await fs.writeFile(tmp, text);
      await fs.rename(tmp, dest);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw new ExportWriteError(`${dest}: cannot write (${(e as Error).message})`);
    }
    return [{ path: dest, text, objects: files.reduce((n, f) => n + f.objects, 0) }];
  }
  const state = await isEmptyDirOrMissing(dest);
  if (state === 'file') throw new ExportWriteError(`${dest} is a file; give a folder for the folder layout`);
  if (state === 'full') throw new ExportWriteError(`${dest} is not empty; give a new or empty folder`);
  const tmp = tmpName(dest);
  try {
    for (const f of files) {
      const p = path.join(tmp, f.path);
      if (!p.startsWith(tmp + path.sep)) throw new Error(`${f.path} would leave the folder`);
      await fs.mkdir(path.dirname(p), { recursive: true });
      await fs.writeFile(p, f.text);
    }
    if (state === 'empty') await fs.rmdir(dest);
    await fs.rename(tmp, dest);
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw new ExportWriteError(`${dest}: cannot write (${(e as Error).message})`);
  }
  return files.map((f) => ({ ...f, path: path.join(dest, f.path) }));
}
