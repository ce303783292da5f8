import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sample snapshot of the demo fleet that ships in resources/. */
export const SAMPLE_FILE = 'demo-fleet.flotilla';

/**
 * Where the sample snapshot is: $FLOTILLA_SAMPLE_SNAPSHOT; packaged, process.resourcesPath/resources
 * (electron-builder's extraResources); from source or dist/, the checkout's resources/ folder
 * (found walking up from this module).
 */
export function findSampleSnapshot(from = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  const candidates: string[] = [];
  if (process.env.FLOTILLA_SAMPLE_SNAPSHOT) candidates.push(process.env.FLOTILLA_SAMPLE_SNAPSHOT);
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(path.join(packaged, 'resources', SAMPLE_FILE));
  for (let dir = from, i = 0; i < 8; i++, dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'resources', SAMPLE_FILE));
  }
  return candidates.find((f) => fs.existsSync(f));
}
