/**
 * Manifests handed over as text (files dropped on a browser window: name and content, no path on
 * disk), with the same guards as files read from disk: size, binary content, kustomization files,
 * and only .yaml/.yml/.json names when a whole folder was dropped.
 */
import { isKustomizationFileName, parseManifestText } from './parse';
import {
  defaultLimits,
  type ParseLimits,
  type ParsedObject,
  type ImportIssue,
  type SkippedFile,
} from './types';

export interface TextFile {
  /** The file's name, or its path within a dropped folder ("app/deploy.yaml"). */
  name: string;
  text: string;
}

export interface TextLoadResult {
  objects: ParsedObject[];
  issues: ImportIssue[];
  skipped: SkippedFile[];
  filesLoaded: string[];
}

const manifestExt = /\.(ya?ml|json)$/i;

export function loadTexts(files: readonly TextFile[], limits: Partial<ParseLimits> = {}): TextLoadResult {
  const lim = { ...defaultLimits, ...limits };
  const res: TextLoadResult = { objects: [], issues: [], skipped: [], filesLoaded: [] };
  const fromFolder = files.length > 1 || files.some((f) => /[\\/]/.test(f.name));
  for (const { name, text } of files) {
    if (isKustomizationFileName(name)) {
      res.skipped.push({ file: name, reason: 'kustomization file (build it with kustomize to get objects)' });
      continue;
    }
    if (fromFolder && !manifestExt.test(name)) {
      res.skipped.push({ file: name, reason: 'not a .yaml, .yml or .json file' });
      continue;
    }
    const bytes = Buffer.byteLength(text);
    if (bytes > lim.maxFileBytes) {
      res.issues.push({
        code: 'too-large',
        level: 'error',
        file: name,
        message: `file is ${bytes} bytes, over the ${lim.maxFileBytes}-byte limit for one manifest file`,
      });
      continue;
    }
    if (text.includes('\u0000') || text.includes('\uFFFD')) {
      res.issues.push({
        code: 'binary',
        level: 'error',
        file: name,
        message: 'binary file (not UTF-8 text): not a manifest',
      });
      continue;
    }
    const out = parseManifestText(text, name, lim);
    res.issues.push(...out.issues);
    if (out.skippedReason) res.skipped.push({ file: name, reason: out.skippedReason });
    if (out.objects.length) {
      res.objects.push(...out.objects);
      res.filesLoaded.push(name);
    }
  }
  return res;
}
