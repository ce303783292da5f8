/** File-system side of the importer: walks files and folders, guards against hostile files, parses each. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isKustomizationFileName, parseManifestText } from './parse';
import {
  defaultLimits,
  type ImportIssue,
  type ParseLimits,
  type ParsedObject,
  type SkippedFile,
} from './types';

export interface LoadOptions {
  limits?: Partial<ParseLimits>;
  /** Called after each file, for progress. */
  onFile?: (file: string, done: number) => void;
  signal?: AbortSignal;
}

export interface LoadResult {
  objects: ParsedObject[];
  issues: ImportIssue[];
  skipped: SkippedFile[];
  filesLoaded: string[];
}

const manifestExt = /\.(ya?ml|json)$/i;

function looksBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return false;
  } catch {
    return true;
  }
}

function fsIssue(file: string, e: unknown): ImportIssue {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ELOOP') {
    return {
      code: 'symlink-loop',
      level: 'error',
      file,
      message: 'symbolic link loop (ELOOP): not followed',
    };
  }
  return {
    code: 'unreadable',
    level: 'error',
    file,
    message: `cannot read: ${err.code ?? ''} ${err.message}`.trim(),
  };
}

/** Lists the files to read: explicit files as given, folders walked for .yaml/.yml/.json (loops refused). */
async function collectFiles(inputs: string[], res: LoadResult, signal?: AbortSignal): Promise<string[]> {
  const files: string[] = [];
  const seenDirs = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    signal?.throwIfAborted();
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (e) {
      res.issues.push(fsIssue(dir, e));
      return;
    }
    if (seenDirs.has(real)) {
      res.issues.push({
        code: 'symlink-loop',
        level: 'warning',
        file: dir,
        message: `folder already visited as ${real} (symbolic link loop or duplicate): skipped`,
      });
      return;
    }
    seenDirs.add(real);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      res.issues.push(fsIssue(dir, e));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const p = path.join(dir, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const st = await fs.stat(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (e) {
          res.issues.push(fsIssue(p, e));
          continue;
        }
      }
      if (isDir) {
        if (!ent.name.startsWith('.')) await walk(p);
      } else if (isFile) {
        if (manifestExt.test(ent.name)) files.push(p);
        else res.skipped.push({ file: p, reason: 'not a .yaml, .yml or .json file' });
      }
    }
  };
  for (const input of inputs) {
    let st;
    try {
      st = await fs.stat(input);
    } catch (e) {
      res.issues.push(fsIssue(input, e));
      continue;
    }
    if (st.isDirectory()) await walk(input);
    else files.push(input);
  }
  return files;
}

async function loadFile(file: string, limits: ParseLimits, res: LoadResult): Promise<void> {
  if (isKustomizationFileName(file)) {
    res.skipped.push({ file, reason: 'kustomization file (build it with kustomize to get objects)' });
    return;
  }
  let buf: Buffer;
  try {
    const st = await fs.stat(file);
    if (st.size > limits.maxFileBytes) {
      res.issues.push({
        code: 'too-large',
        level: 'error',
        file,
        message: `file is ${st.size} bytes, over the ${limits.maxFileBytes}-byte limit for one manifest file`,
      });
      return;
    }
    buf = await fs.readFile(file);
  } catch (e) {
    res.issues.push(fsIssue(file, e));
    return;
  }
  if (looksBinary(buf)) {
    res.issues.push({
      code: 'binary',
      level: 'error',
      file,
      message: 'binary file (not UTF-8 text): not a manifest',
    });
    return;
  }
  const out = parseManifestText(buf.toString('utf8'), file, limits);
  res.issues.push(...out.issues);
  if (out.skippedReason) res.skipped.push({ file, reason: out.skippedReason });
  if (out.objects.length) {
    res.objects.push(...out.objects);
    res.filesLoaded.push(file);
  }
}

/** Loads every manifest under the given files and folders. Never throws for bad input; only for abort. */
export async function loadManifests(inputs: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const limits = { ...defaultLimits, ...options.limits };
  const res: LoadResult = { objects: [], issues: [], skipped: [], filesLoaded: [] };
  const files = await collectFiles(inputs, res, options.signal);
  let done = 0;
  for (const file of files) {
    options.signal?.throwIfAborted();
    await loadFile(file, limits, res);
    options.onFile?.(file, ++done);
  }
  return res;
}
