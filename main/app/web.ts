import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAppArgs, type AppArgs } from './args';
import { shouldStartDemo } from './demo-decision';
import { createAppCore, type AppCore } from './compose';
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

/** Asks the fleet what is configured, then applies the demo rule. */
async function wantsDemo(core: AppCore, flag: AppArgs['demo']): Promise<boolean> {
  if (flag !== 'auto') return flag === 'on';
  const [clusters, sources] = await Promise.all([
    core.router.dispatch('clusters.list', {}),
    core.router.dispatch('kubeconfig.sources', {}),
  ]);
  const attached = clusters.ok ? (clusters.value as { total: number }).total : 1;
  const contexts = sources.ok ? (sources.value as { contexts: unknown[] }).contexts.length : 1;
  return shouldStartDemo(flag, attached, contexts);
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
  if (await wantsDemo(core, args.demo)) {
    process.stdout.write('Starting the demo fleet (kube-sim)…\n');
    const demo = await core.router.dispatch('demo.start', {});
    process.stdout.write(
      demo.ok
        ? `Demo fleet attached: ${(demo.value as { attached: string[] }).attached.length} clusters\n`
        : `flotilla: the demo fleet did not start: ${demo.error.message}\n`,
    );
  }

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
