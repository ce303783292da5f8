import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import type { AppPage } from './pages/app-page';
import { ClustersPage } from './pages/clusters';
import { NodesPage } from './pages/nodes';
import { SnapshotsPage } from './pages/snapshots';
import { WorkloadsPage } from './pages/workloads';

/**
 * A cluster filter holds an id of the source on screen (a live cluster's id, a snapshot cluster's
 * name): switching between the live demo fleet and the sample snapshot carries it to the cluster of
 * the same name, and a link naming a live cluster while the snapshot is shown shows every cluster
 * rather than nothing.
 */

const DEMO = ['aks-prod-eastus', 'tanzu-kubernetes', 'tkg-01'];
const SAMPLE = new URL('../resources/demo-fleet.flotilla', import.meta.url);
const SHOTS = process.env.FLOTILLA_SHOTS_DIR;

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};

/** The demo fleet, then the sample snapshot opened over it (the picker's second entry), back to live. */
async function demoAndSample(app: AppPage, snaps: SnapshotsPage): Promise<void> {
  await app.open('#/clusters');
  await app.page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  await expect(app.statusItem('health')).toHaveText('3/3 clusters ready', { timeout: 90_000 });
  await snaps.dropFile('demo-fleet.flotilla', fs.readFileSync(SAMPLE));
  await expect(snaps.banner).toHaveText(/^Snapshot of aks-prod-eastus, tanzu-kubernetes and tkg-01, taken /, {
    timeout: 20_000,
  });
  await snaps.backToLive();
}

/** Follows an in-app link (the page is not reloaded, so the source shown stays the snapshot). */
const follow = (page: Page, hash: string) =>
  page.evaluate((h) => {
    window.location.hash = h;
  }, hash);

/** The clusters of the Workloads rows shown (distinct, sorted). */
async function rowClusters(workloads: WorkloadsPage): Promise<string[]> {
  const all = await workloads.rows.evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-cluster') ?? ''),
  );
  return [...new Set(all)].sort();
}

const toSnapshot = async (snaps: SnapshotsPage) => {
  await snaps.picker.selectOption({ index: 1 });
  await expect(snaps.banner).toBeVisible();
};

test('workloads: the cluster filter follows its cluster from live to the snapshot and back', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const snaps = new SnapshotsPage(page);
  const workloads = new WorkloadsPage(page);
  const cluster = page.getByRole('combobox', { name: 'Cluster', exact: true });
  const picked = cluster.locator('option:checked');
  await demoAndSample(app, snaps);

  await app.goTo('Workloads');
  await workloads.expectCount(/^[1-9][\d,]* deployments$/);
  await cluster.selectOption({ label: 'tkg-01' });
  const liveId = await cluster.inputValue();
  expect(liveId).not.toBe('tkg-01');
  await expect.poll(() => rowClusters(workloads)).toEqual([liveId]);

  await toSnapshot(snaps);
  await expect(picked).toHaveText('tkg-01');
  await workloads.expectCount(/^[1-9][\d,]* deployments?$/);
  // a snapshot's cluster is known by its name
  await expect.poll(() => rowClusters(workloads)).toEqual(['tkg-01']);
  await shot(page, 'workloads-snapshot-filtered');

  await snaps.backToLive();
  await expect(picked).toHaveText('tkg-01');
  await expect.poll(() => rowClusters(workloads)).toEqual([liveId]);

  // A link with the live cluster's id while the snapshot is shown: every cluster, not none.
  await toSnapshot(snaps);
  await follow(page, `#/workloads/deployments?cluster=${encodeURIComponent(liveId)}`);
  await expect(picked).toHaveText('All clusters');
  await workloads.expectCount(/^[1-9][\d,]* deployments$/);
  await expect.poll(() => rowClusters(workloads)).toEqual(DEMO);
  await shot(page, 'workloads-snapshot-live-link');
});

test('node heatmap of one cluster: the same cluster on the snapshot and back; a live id on the snapshot shows the fleet', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const snaps = new SnapshotsPage(page);
  const nodes = new NodesPage(page);
  const summary = page.getByTestId('heatmap-summary');
  const description = page.locator('.page-description');
  await demoAndSample(app, snaps);

  // tkg-01's heatmap on live, from its overview
  await app.goTo('Clusters');
  await new ClustersPage(page).openOverview('tkg-01');
  const liveId = decodeURIComponent(/#\/clusters\/([^/]+)/.exec(page.url())?.[1] ?? '');
  expect(liveId).not.toBe('tkg-01');
  await app.open(`#/clusters/heatmap/cluster/${encodeURIComponent(liveId)}`);
  await expect(nodes.canvas).toBeVisible({ timeout: 60_000 });
  await expect(summary).toHaveText(/^\d+ nodes in 1 clusters/);
  await expect(description).toContainText('Every node of tkg-01,');

  await toSnapshot(snaps);
  await expect(summary).toHaveText(/^6 nodes in 1 clusters/);
  await expect(description).toContainText('Every node of tkg-01,');
  await shot(page, 'heatmap-snapshot-cluster');

  await snaps.backToLive();
  await expect(summary).toHaveText(/^\d+ nodes in 1 clusters/);
  await expect(description).toContainText('Every node of tkg-01,');

  // On the snapshot, a heatmap link with the live id: the whole snapshot rather than no node.
  await toSnapshot(snaps);
  await follow(page, '#/clusters');
  await expect(app.heading).toHaveText('Clusters');
  await follow(page, `#/clusters/heatmap/cluster/${encodeURIComponent(liveId)}`);
  await expect(summary).toHaveText(/^\d+ nodes in 3 clusters/);
  await shot(page, 'heatmap-snapshot-live-link');
});

test('a cluster group across sources: its page and the Workloads group filter follow it by name, or say the snapshot lacks it', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const snaps = new SnapshotsPage(page);
  const clusters = new ClustersPage(page);
  const totals = page.getByTestId('group-totals');
  const workloads = new WorkloadsPage(page);
  await demoAndSample(app, snaps);

  // team-a on live (its id is not its name), with tkg-01 in it; a capture of that group
  await app.goTo('Cluster groups');
  await page.getByLabel('New group name').fill('team-a');
  await page.getByRole('button', { name: 'Create group' }).click();
  await app.goTo('Clusters');
  await clusters.row('tkg-01').getByRole('checkbox').check();
  await page.getByLabel('Move selected clusters to group').selectOption({ label: 'team-a' });
  await clusters.row('tkg-01').getByRole('link', { name: 'team-a' }).click();
  await expect(app.heading).toHaveText('team-a');
  expect(page.url()).not.toMatch(/\/team-a$/);
  await snaps.capture();
  await expect(snaps.dialog).toContainText('group team-a');
  await snaps.openCaptured();
  const captured = await snaps.picker.inputValue();

  // the captured snapshot knows the group by its name: the same group, its one cluster
  await expect(app.heading).toHaveText('team-a');
  await expect(totals).toContainText('Clusters1');
  await expect(clusters.row('tkg-01')).toBeVisible();
  await shot(page, 'group-captured');
  await snaps.backToLive();
  await expect(app.heading).toHaveText('team-a');
  await expect(page.getByRole('button', { name: 'Delete group…' })).toBeVisible();

  // the sample snapshot has no such group: said so, rather than a page named by an id
  const sample = await snaps.picker.locator('option', { hasText: /· 3 clusters$/ }).getAttribute('value');
  await snaps.picker.selectOption(sample ?? '');
  await expect(snaps.banner).toBeVisible();
  await expect(app.heading).toHaveText('team-a');
  await expect(page.getByTestId('group-missing')).toHaveText('This snapshot has no cluster group team-a.');
  await shot(page, 'group-missing');

  // Workloads filtered by team-a: the sample has no such group (every cluster), live has it again.
  await snaps.backToLive();
  await app.goTo('Workloads');
  const group = page.getByRole('combobox', { name: 'Cluster group', exact: true });
  await group.selectOption({ label: 'team-a' });
  await expect.poll(() => rowClusters(workloads)).toHaveLength(1);
  const [tkg] = await rowClusters(workloads);
  expect(tkg).not.toBe('tkg-01');
  await snaps.picker.selectOption(sample ?? '');
  await expect(snaps.banner).toBeVisible();
  await expect(group.locator('option:checked')).toHaveText('All groups');
  await expect.poll(() => rowClusters(workloads)).toEqual(DEMO);
  await snaps.backToLive();
  await expect(group.locator('option:checked')).toHaveText('team-a');
  await expect.poll(() => rowClusters(workloads)).toEqual([tkg]);

  // The node heatmap of team-a (a live id in its link): the captured group by name, then the
  // whole sample, which lacks it.
  const summary = page.getByTestId('heatmap-summary');
  const description = page.locator('.page-description');
  await app.goTo('Cluster groups');
  await page.locator('tr[data-group="team-a"]').getByRole('link').click();
  await page.getByRole('link', { name: 'Node heatmap' }).click();
  await expect(summary).toHaveText(/^6 nodes in 1 clusters/);
  await snaps.picker.selectOption(captured);
  await expect(snaps.banner).toBeVisible();
  await expect(description).toContainText('Every node of team-a,');
  await expect(summary).toHaveText(/^6 nodes in 1 clusters/);
  await shot(page, 'heatmap-group-captured');
  await snaps.picker.selectOption(sample ?? '');
  await expect(summary).toHaveText(/^\d+ nodes in 3 clusters/);
  await expect(description).toContainText('Every node of the fleet,');
});
