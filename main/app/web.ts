import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAppArgs } from './args';
import { startDemoIfWanted } from './demo-decision';
import { createAppCore } from './compose';
import { runEntry } from './fatal';
import { openInBrowser } from './open-url';
import { ensureWritableDir, resolveDataDir } from './paths';
import { startWebServer } from './web-server';
import { createLogger } from '../services/log';

/** The built renderer: beside the bundle (dist/main → dist/renderer) or, from source, in dist/. */
function findRendererDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../renderer'), path.resolve(here, '../../dist/renderer')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
  if (!found)
    throw new Error(`The renderer is not built (looked in ${candidates.join(', ')}); run npm run build`);
  return found;
}

/** Browser mode: the same services and contract as the desktop app, served on 127.0.0.1. */
void runEntry(async () => {
  const args = parseAppArgs(process.argv.slice(2));
  const dataDir = resolveDataDir({ override: args.dataDir });
  ensureWritableDir(dataDir);
  const log = createLogger({ dir: dataDir, verbose: args.verbose });
  const core = createAppCore({ dataDir, shell: 'web', log });
  const server = await startWebServer({ core, rendererDir: findRendererDir(), port: args.port });
  log.info(`browser mode on port ${server.port}, data in ${dataDir}`);
  process.stdout.write(`Flotilla is running at ${server.url}\n`);
  if (args.open) openInBrowser(server.url);
  const demo = await startDemoIfWanted(core, args.demo);
  if (demo) process.stdout.write(`${demo}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
});
