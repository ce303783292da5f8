import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { ClustersPage } from './pages/clusters';

// Two kubeconfigs written by others: k9s's test data (one context, and three contexts in a file named "config").
const corpus = path.resolve('..', 'shared', 'corpus', 'k9s', 'internal');
const files = [
  path.join(corpus, 'config', 'testdata', 'k8s.yaml'),
  path.join(corpus, 'dao', 'testdata', 'config'),
];
const contexts = ['blee', 'docker-for-desktop', 'duh', 'fred'];

/** The contexts the attach view lists, once it has read the files. */
async function listedContexts(page: Page): Promise<string[]> {
  const cards = page.locator('section[data-context]');
  await expect(cards).toHaveCount(contexts.length);
  return (await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-context') ?? ''))).sort();
}

test('File ▸ Open Kubeconfig… (the app.openKubeconfig event) opens the attach view as a drop of the same files does', async ({
  app,
  page,
}) => {
  // Browser mode has no menu: the event is pushed into the page's own WebSocket, as main pushes it in Electron.
  let push: ((event: string, payload: unknown) => void) | undefined;
  await page.routeWebSocket(/\/rpc/, (ws) => {
    ws.connectToServer();
    push = (event, payload) => ws.send(JSON.stringify({ event, payload }));
  });
  await app.open('#/workloads');
  await expect.poll(() => push !== undefined).toBe(true);

  push!('app.openKubeconfig', { paths: files });
  await expect(app.heading).toHaveText('Attach clusters');
  await expect(page.getByText('2 files', { exact: false }).first()).toBeVisible();
  const fromMenu = await listedContexts(page);
  expect(fromMenu).toEqual(contexts);
  await page.screenshot({ path: 'test-results/open-kubeconfig-menu.png', fullPage: true });

  // The same files dropped on the Clusters page.
  await app.open('#/clusters');
  await expect(app.heading).toHaveText('Clusters');
  await new ClustersPage(page).dropFiles(
    files.map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') })),
  );
  await expect(app.heading).toHaveText('Attach clusters');
  expect(await listedContexts(page)).toEqual(fromMenu);
});

test('an event with a path that does not exist says which file could not be read', async ({ app, page }) => {
  let push: ((event: string, payload: unknown) => void) | undefined;
  await page.routeWebSocket(/\/rpc/, (ws) => {
    ws.connectToServer();
    push = (event, payload) => ws.send(JSON.stringify({ event, payload }));
  });
  await app.open('#/clusters');
  await expect.poll(() => push !== undefined).toBe(true);
  const missing = path.join(corpus, 'no-such-kubeconfig');
  push!('app.openKubeconfig', { paths: [missing] });
  await expect(app.heading).toHaveText('Attach clusters');
  await expect(page.getByText(missing).first()).toBeVisible();
});

test('browser mode: the empty Clusters page offers "Attach from kubeconfig file…", which reads the chosen files', async ({
  app,
  page,
}) => {
  await app.open('#/clusters');
  const button = app.emptyState.getByRole('button', { name: 'Attach from kubeconfig file…' });
  await expect(button).toBeVisible();
  await page.screenshot({ path: 'test-results/clusters-attach-file-button.png' });
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  const picked = await chooser;
  expect(picked.isMultiple()).toBe(true);
  await picked.setFiles(files);
  await expect(app.heading).toHaveText('Attach clusters');
  expect(await listedContexts(page)).toEqual(contexts);
});
