import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import type { AppPage } from './pages/app-page';
import { ClustersPage } from './pages/clusters';
import { NodesPage } from './pages/nodes';
import { SnapshotsPage } from './pages/snapshots';

/**
 * Snapshots in the UI over the demo fleet: capture with progress, open read-only with a banner, every
 * view on the snapshot (clusters, overview, nodes, namespaces) without write actions, back to live,
 * drop a .flotilla file, close, and compare two captures.
 */

const DEMO = ['aks-prod-eastus', 'tanzu-kubernetes', 'tkg-01'];
const SHOTS = process.env.FLOTILLA_SHOTS_DIR;

async function startDemo(app: AppPage, clusters: ClustersPage): Promise<void> {
  await app.open('#/clusters');
  await app.page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  for (const name of DEMO) await clusters.expectStatus(name, 'ready', 90_000);
  // Wait for the object cache: the nodes of every cluster are listed.
  await app.open('#/clusters/heatmap');
  await expect(app.page.getByTestId('heatmap-canvas')).toBeVisible({ timeout: 60_000 });
  await app.open('#/clusters');
}

const shot = async (app: AppPage, name: string) => {
  if (SHOTS) await app.page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};

/** The Namespaces page's cluster filter, and the clusters of the rows it shows (distinct, sorted). */
const clusterFilter = (page: Page) => page.getByRole('combobox', { name: 'Cluster', exact: true });
const rowClusters = async (page: Page): Promise<string[]> => {
  const all = await page
    .locator('tr[data-namespace]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cluster') ?? ''));
  return [...new Set(all)].sort();
};

test('a first-time user opens the sample snapshot from the empty Clusters page and browses it offline', async ({
  app,
  page,
}) => {
  const clusters = new ClustersPage(page);
  const snaps = new SnapshotsPage(page);
  const nodes = new NodesPage(page);
  await app.open('#/clusters');
  await expect(app.emptyState).toContainText('No clusters attached yet');
  await app.emptyState.getByRole('button', { name: 'Open the sample snapshot' }).click();
  await expect(snaps.banner).toHaveText(
    /^Snapshot of aks-prod-eastus, tanzu-kubernetes and tkg-01, taken \d{4}-\d\d-\d\d \d\d:\d\d UTC( \(.+\))? — read-only$/,
  );
  await expect(clusters.count).toHaveText('3 clusters');
  for (const name of DEMO) await expect(clusters.status(name)).toHaveAttribute('data-status', 'snapshot');
  await expect(clusters.cell('tkg-01', 'nodes')).toHaveText('6');
  await expect(app.statusItem('source')).toHaveText('Showing a snapshot (read-only)');

  // The cluster's Nodes tab and the fleet heatmap read the snapshot too.
  await clusters.openOverview('tkg-01');
  await expect(clusters.fact('Worker nodes')).toHaveText('3');
  await nodes.tab('Nodes').click();
  await expect(nodes.summary).toHaveText(/^6 nodes · 6 ready/);
  // A node's detail: its object and the pods on it come from the snapshot.
  const node = (await nodes.names())[0]!;
  await nodes.row(node).getByRole('link', { name: node }).click();
  await expect(app.heading).toHaveText(node);
  await expect(nodes.fact('Kubelet version')).toHaveText(/^v\d+\.\d+/);
  await expect(page.getByTestId('node-pods').locator('tbody tr').first()).toBeVisible();
  // The page reloads on the snapshot (the source shown is kept for the tab).
  await app.open('#/clusters/heatmap');
  await expect(nodes.canvas).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Node heatmap');

  // Namespaces of one cluster of the snapshot: as many as its overview counts, all of that cluster.
  await app.goTo('Clusters');
  await clusters.openOverview('aks-prod-eastus');
  const aksNamespaces = Number(await clusters.fact('Namespaces').textContent());
  expect(aksNamespaces).toBeGreaterThan(1);
  await app.goTo('Namespaces');
  await expect.poll(() => rowClusters(page)).toEqual(DEMO);
  await clusterFilter(page).selectOption({ label: 'aks-prod-eastus' });
  await expect(page.getByTestId('namespace-count')).toContainText(
    `1 to ${aksNamespaces} of ${aksNamespaces} Namespaces`,
  );
  expect(await rowClusters(page)).toEqual(['aks-prod-eastus']);
  await expect(page.locator('tr[data-namespace="kube-system"]')).toHaveCount(1);
  await shot(app, 'snapshot-namespaces-filtered');
  await clusterFilter(page).selectOption({ label: 'tkg-01' });
  await expect.poll(() => rowClusters(page)).toEqual(['tkg-01']);
  // A link filtered by a cluster id the snapshot does not know (a live cluster's, from a bookmark)
  // shows every cluster's namespaces rather than none.
  await app.open('#/namespaces/cluster/0b9a7c1d-5e8f-4a21-9c3d-7e6f5a4b3c2d');
  await expect(snaps.banner).toBeVisible();
  await expect.poll(() => rowClusters(page)).toEqual(DEMO);
  await expect(clusterFilter(page).locator('option:checked')).toHaveText('All clusters');

  // Cluster groups of the snapshot: read from it, no create form.
  await app.goTo('Cluster groups');
  await expect(page.locator('tr[data-group="default"]')).toContainText('3');
  await expect(page.getByLabel('New group name')).toHaveCount(0);

  // Back to live: nothing attached, the empty state again; the sample stays open in the picker.
  await snaps.backToLive();
  await app.goTo('Clusters');
  await expect(app.emptyState).toContainText('No clusters attached yet');
  await expect(snaps.picker.locator('option')).toHaveCount(2);
  await expect(app.statusItem('source')).toHaveText('No clusters attached');
});

test('capture the demo fleet, open it read-only, browse it, go back to live, drop it, close it', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  const clusters = new ClustersPage(page);
  const snaps = new SnapshotsPage(page);
  const nodes = new NodesPage(page);
  await startDemo(app, clusters);
  await expect(snaps.bar).toBeHidden();
  await expect(clusters.count).toHaveText('3 clusters');

  const file = await snaps.capture();
  await shot(app, 'capture-dialog');
  expect(fs.statSync(file).size).toBeGreaterThan(0);
  // Browser mode: the file is on the machine running Flotilla; Download gives the browser a copy.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    snaps.dialog.getByRole('link', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(path.basename(file));
  const downloaded = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(downloaded);
  expect(fs.readFileSync(downloaded).equals(fs.readFileSync(file))).toBe(true);
  await snaps.openCaptured();
  await expect(snaps.banner).toHaveText(
    /^Snapshot of aks-prod-eastus, tanzu-kubernetes and tkg-01, taken \d{4}-\d\d-\d\d \d\d:\d\d UTC \(just now\) — read-only$/,
  );
  // The cluster list of the snapshot: the same three clusters, no attach/detach.
  await expect(clusters.count).toHaveText('3 clusters');
  for (const name of DEMO) await expect(clusters.status(name)).toHaveAttribute('data-status', 'snapshot');
  // with the labels they had (the demo fleet is attached with demo: true)
  for (const name of DEMO) await expect(clusters.row(name).locator('.fl-label')).toHaveText(['demo: true']);
  await expect(page.getByRole('link', { name: 'Attach cluster' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start demo fleet' })).toHaveCount(0);
  await shot(app, 'snapshot-banner');

  // Overview and nodes of a cluster in the snapshot.
  await clusters.openOverview('tkg-01');
  await expect(page.getByRole('button', { name: 'Detach…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Verify connection' })).toHaveCount(0);
  await nodes.tab('Nodes').click();
  await expect(nodes.summary).toHaveText(/^6 nodes · 6 ready/, { timeout: 20_000 });
  await expect(nodes.rows).toHaveCount(6);

  // Namespaces of the snapshot, without the write actions; filtered to one of its clusters.
  await app.goTo('Namespaces');
  await expect(page.getByTestId('namespace-count')).toContainText('Namespaces');
  await expect(page.getByRole('link', { name: 'New namespace' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Attach namespaces/ })).toHaveCount(0);
  await clusterFilter(page).selectOption({ label: 'tkg-01' });
  await expect.poll(() => rowClusters(page)).toEqual(['tkg-01']);

  // The picker lists live first, then the snapshot; back to live brings the write actions back.
  const options = await snaps.picker.locator('option').allTextContents();
  expect(options[0]).toBe('Live fleet');
  expect(options[1]).toMatch(/^Snapshot · \d{4}-\d\d-\d\d \d\d:\d\d UTC · 3 clusters$/);
  await shot(app, 'source-picker');
  await snaps.backToLive();
  await expect(page.getByRole('link', { name: 'New namespace' })).toBeVisible();
  await expect(snaps.bar).toContainText('1 snapshot or import open');
  // The filter follows tkg-01 to the live fleet (where its id is another) and back to the snapshot.
  await expect(clusterFilter(page).locator('option:checked')).toHaveText('tkg-01');
  await expect.poll(() => rowClusters(page)).toEqual(['tkg-01']);
  await snaps.picker.selectOption({ index: 1 });
  await expect(snaps.banner).toBeVisible();
  await expect(clusterFilter(page).locator('option:checked')).toHaveText('tkg-01');
  await expect.poll(() => rowClusters(page)).toEqual(['tkg-01']);
  await snaps.backToLive();

  // Dropping a file on the window opens it too (browser mode sends its bytes): the downloaded copy.
  await app.goTo('Clusters');
  await snaps.dropFile(path.basename(downloaded), fs.readFileSync(downloaded));
  await expect(snaps.banner).toHaveText(/^Snapshot of aks-prod-eastus, tanzu-kubernetes and tkg-01, taken /, {
    timeout: 20_000,
  });
  await expect(snaps.picker.locator('option')).toHaveCount(3);

  // Close: back to live, and the snapshot leaves the picker.
  await snaps.bar.getByRole('button', { name: 'Close' }).click();
  await expect(snaps.banner).toBeHidden();
  await expect(snaps.picker.locator('option')).toHaveCount(2);
  await expect(clusters.status('tkg-01')).toHaveAttribute('data-status', 'ready');
});

test('compare two captures: the whole fleet against one cluster', async ({ app, page }) => {
  test.setTimeout(240_000);
  const clusters = new ClustersPage(page);
  const snaps = new SnapshotsPage(page);
  await startDemo(app, clusters);
  await snaps.capture();
  await snaps.openCaptured();
  await snaps.backToLive();
  // The second capture: tkg-01 alone, from its overview.
  await clusters.openOverview('tkg-01');
  await snaps.capture();
  await expect(snaps.dialog).toContainText('cluster tkg-01');
  await snaps.openCaptured();
  await expect(snaps.banner).toHaveText(/^Snapshot of tkg-01, taken /);

  // The compare page starts with the older capture as A and the newer as B.
  await snaps.bar.getByRole('link', { name: 'Compare…' }).click();
  await expect(app.heading).toHaveText('Compare');
  await expect(snaps.totals).toHaveText(/^\d+ added · [1-9]\d* removed · \d+ changed$/, { timeout: 30_000 });
  // By cluster: the two clusters left out of B lost every object.
  for (const gone of ['aks-prod-eastus', 'tanzu-kubernetes']) {
    const row = snaps.summary.locator(`tr[data-key="${gone}"]`);
    await expect(row.locator('.diff-removed')).toHaveText(/^[1-9]\d*$/);
    await expect(row.locator('.diff-added')).toHaveText('');
  }
  // tkg-01 is in both and nothing of it changed between the two captures but churn: no removals there.
  await expect(snaps.summary.locator('tr[data-key="tkg-01"] .diff-removed:not(:empty)')).toHaveCount(0);
  // By kind; then one kind as a filter narrows the list.
  await page.getByRole('tab', { name: 'By kind' }).click();
  await snaps.summary.getByRole('button', { name: 'Deployment', exact: true }).click();
  await expect(page.getByLabel('Filter by kind')).toHaveValue('Deployment');
  await expect(snaps.changes.first()).toBeVisible();
  const kinds = await snaps.changes.locator('.diff-kind').allTextContents();
  expect(new Set(kinds)).toEqual(new Set(['Deployment']));
  // Only removed ones of aks-prod-eastus, then one object's YAML diff: all of it on the left (A) side.
  await page.getByLabel('Filter by cluster').selectOption('aks-prod-eastus');
  await page.getByLabel('changed', { exact: true }).uncheck();
  await page.getByLabel('added', { exact: true }).uncheck();
  const first = snaps.changes.first();
  await expect(first).toHaveAttribute('data-change', 'removed');
  await first.getByRole('button').click();
  await expect(snaps.objectDiff).toContainText('removed');
  await expect(page.getByTestId('yaml-diff')).toBeVisible();
  await expect(page.getByTestId('yaml-diff').locator('.monaco-diff-editor')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('diff-object').scrollIntoViewIfNeeded();
  await shot(app, 'diff-view');
  // Noise shown: at least as many removed and changed (events, resourceVersion and the like count too).
  const changedOf = (text: string | null) => Number(/(\d+) changed/.exec(text ?? '')?.[1]);
  const removedOf = (text: string | null) => Number(/(\d+) removed/.exec(text ?? '')?.[1]);
  const quiet = await snaps.totals.textContent();
  await page.getByRole('checkbox', { name: /Show noise/ }).check();
  await expect(snaps.totals).not.toContainText('comparing again');
  await expect
    .poll(async () => changedOf(await snaps.totals.textContent()), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(changedOf(quiet));
  expect(removedOf(await snaps.totals.textContent())).toBeGreaterThanOrEqual(removedOf(quiet));
});
