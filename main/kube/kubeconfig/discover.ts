import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeconfigError } from './errors';
import { mergeKubeconfigs } from './merge';
import type { KubeconfigFile, MergedKubeconfig } from './model';
import { parseKubeconfig } from './parse';

export interface DiscoverOptions {
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Defaults to os.homedir(). */
  home?: string;
  /** Defaults to path.delimiter (":" on Unix, ";" on Windows). */
  delimiter?: string;
}

/**
 * The kubeconfig files kubectl would read, in order: each entry of $KUBECONFIG (empty
 * entries dropped, repeats dropped), or ~/.kube/config when $KUBECONFIG is unset or empty.
 */
export function kubeconfigPaths(options: DiscoverOptions = {}): string[] {
  const env = options.env ?? process.env;
  const list = env.KUBECONFIG;
  if (list && list.trim() !== '') {
    const out: string[] = [];
    for (const entry of list.split(options.delimiter ?? path.delimiter)) {
      if (entry === '') continue;
      const abs = path.resolve(entry);
      if (!out.includes(abs)) out.push(abs);
    }
    return out;
  }
  return [path.join(options.home ?? os.homedir(), '.kube', 'config')];
}

/** Reads and parses one kubeconfig file; relative paths inside resolve against its folder. */
export function loadKubeconfigFile(file: string): KubeconfigFile {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (error) {
    throw new KubeconfigError(
      'UNREADABLE',
      `${abs}: cannot read the kubeconfig: ${describeFsError(error)}`,
      abs,
    );
  }
  return parseKubeconfig(text, { source: abs, baseDir: path.dirname(abs) });
}

export interface LoadedSet {
  merged: MergedKubeconfig;
  files: KubeconfigFile[];
  /** Files that exist but could not be read or parsed; kubectl fails on these, we report and go on. */
  failures: KubeconfigError[];
  /** Files of the list that do not exist (kubectl skips them silently). */
  missing: string[];
}

/** Loads and merges a list of kubeconfig files (e.g. from kubeconfigPaths()). */
export function loadKubeconfigSet(files: readonly string[]): LoadedSet {
  const loaded: KubeconfigFile[] = [];
  const failures: KubeconfigError[] = [];
  const missing: string[] = [];
  for (const file of files) {
    if (!fs.existsSync(file)) {
      missing.push(file);
      continue;
    }
    try {
      loaded.push(loadKubeconfigFile(file));
    } catch (error) {
      if (error instanceof KubeconfigError) failures.push(error);
      else throw error;
    }
  }
  return { merged: mergeKubeconfigs(loaded), files: loaded, failures, missing };
}

/** A kubeconfig named by the user: a file on this machine, or text (dropped or pasted) with a label. */
export type KubeconfigSource = { path: string } | { label: string; text: string };

/**
 * Loads sources the user chose, in order, and merges them like $KUBECONFIG. Unlike the
 * $KUBECONFIG list, a chosen file that does not exist is a failure, not skipped. Text has no
 * folder, so relative paths in it are reported when its contexts are checked.
 */
export function loadKubeconfigSources(sources: readonly KubeconfigSource[]): LoadedSet {
  const loaded: KubeconfigFile[] = [];
  const failures: KubeconfigError[] = [];
  for (const source of sources) {
    try {
      loaded.push(
        'path' in source
          ? loadKubeconfigFile(source.path)
          : parseKubeconfig(source.text, { source: source.label }),
      );
    } catch (error) {
      if (error instanceof KubeconfigError) failures.push(error);
      else throw error;
    }
  }
  return { merged: mergeKubeconfigs(loaded), files: loaded, failures, missing: [] };
}

/** "no such file", "permission denied" … from a Node fs error. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
