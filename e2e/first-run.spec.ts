import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { startServer } from './fixtures/server';

/**
 * The README's start command on a machine with no cluster configured (no ~/.kube/config, no
 * $KUBECONFIG, nothing attached) lands on the built-in demo fleet.
 */
test('a first run with no cluster configured starts and attaches the demo fleet', async ({ page }) => {
  test.setTimeout(120_000);
  const home = mkdtempSync(path.join(tmpdir(), 'flotilla-home-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_DATA_HOME: path.join(home, '.local/share'),
  };
  delete env.KUBECONFIG;
  const server = await startServer({ demo: 'auto', env, timeoutMs: 60_000 });
  try {
    const app = new AppPage(page, server);
    await app.open('#/clusters');
    await expect(app.statusItem('source')).toHaveText('Live: 3 clusters', { timeout: 90_000 });
    await expect(page.getByRole('link', { name: 'tkg-01', exact: true })).toBeVisible();
  } finally {
    await server.stop();
  }
});
