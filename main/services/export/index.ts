/** Export as clean YAML: clean (clean.ts), lay out (render.ts), and write when asked (write.ts). */
import { cleanForExport, type CleanResult } from './clean';
import { renderExport, type ExportFile, type ExportItem } from './render';
import { writeExport } from './write';

export interface ExportOptions {
  layout: 'file' | 'folder';
  /** Write there; otherwise only return the text. */
  path?: string;
}

export interface ExportOutcome {
  files: ExportFile[];
  objects: number;
  written: boolean;
  excluded: CleanResult['excluded'];
}

export async function exportObjects(
  items: readonly ExportItem[],
  options: ExportOptions,
): Promise<ExportOutcome> {
  const byCluster = new Map<string, ExportItem['object'][]>();
  for (const i of items) {
    let list = byCluster.get(i.cluster);
    if (!list) byCluster.set(i.cluster, (list = []));
    list.push(i.object);
  }
  const kept: ExportItem[] = [];
  const excluded: CleanResult['excluded'] = [];
  for (const [cluster, objects] of byCluster) {
    const cleaned = cleanForExport(objects);
    kept.push(...cleaned.objects.map((object) => ({ cluster, object })));
    excluded.push(...cleaned.excluded);
  }
  let files = renderExport(kept, options.layout);
  if (options.path) files = await writeExport(files, options.layout, options.path);
  return { files, objects: kept.length, written: options.path !== undefined, excluded };
}

export { cleanForExport, cleanObject, exclusionReason } from './clean';
export { renderExport, yamlOf, type ExportItem, type ExportFile } from './render';
export { writeExport, ExportWriteError } from './write';
