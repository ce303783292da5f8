import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { ManifestsPage } from './pages/manifests';
import { SnapshotsPage } from './pages/snapshots';

/**
 * Routes that name a cluster by id while the page stays open: a followed Namespaces link filters to
 * its cluster, and a cluster's overview, Nodes tab and node detail move to the same-named cluster when
 * the source changes (the demo fleet and the sample snapshot), never showing one source's header over the
 * other's error.
 */

const SAMPLE = new URL('../resources/demo-fleet.flotilla', import.meta.url);
const SHOTS = process.env.FLOTILLA_SHOTS_DIR;

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};

/** Follows an in-app link (the page is not reloaded). */
const follow = (page: Page, hash: string) =>
  page.evaluate((h) => {
    window.location.hash = h;
  }, hash);

const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(window.location.hash));

/** The demo fleet's clusters by name → live id, read from the clusters list's links. */
async function startDemo(page: Page): Promise<Map<string, string>> {
  await page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  const links = page.locator('a[href^="#/clusters/"]').filter({ hasText: /^(tkg-01|aks-prod-eastus)$/ });
  await expect(links).toHaveCount(2, { timeout: 90_000 });
  const pairs = await links.evaluateAll((all) =>
    all.map((a) => [a.textContent ?? '', decodeURIComponent(a.getAttribute('href')!.split('/').pop()!)]),
  );
  return new Map(pairs as Array<[string, string]>);
}

test('namespaces: a followed cluster link filters to that cluster while the page stays open', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000);
  await app.open('#/clusters');
  const ids = await startDemo(page);
  const tkg = ids.get('tkg-01')!;
  const aks = ids.get('aks-prod-eastus')!;
  const picked = page.getByRole('combobox', { name: 'Cluster', exact: true }).locator('option:checked');
  const rowClusters = async () =>
    [
      ...new Set(
        await page
          .getByRole('table', { name: 'Namespaces', exact: true })
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cluster'))),
      ),
    ].sort();

  await app.goTo('Namespaces');
  await expect(picked).toHaveText('All clusters');
  await follow(page, `#/namespaces/cluster/${encodeURIComponent(tkg)}`);
  await expect(picked).toHaveText('tkg-01');
  await expect.poll(rowClusters, { timeout: 30_000 }).toEqual(['tkg-01']);
  await follow(page, `#/namespaces/cluster/${encodeURIComponent(aks)}`);
  await expect(picked).toHaveText('aks-prod-eastus');
  await expect.poll(rowClusters, { timeout: 30_000 }).toEqual(['aks-prod-eastus']);
  await shot(page, 'namespaces-followed-link');
  await follow(page, '#/namespaces');
  await expect(picked).toHaveText('All clusters');
});

test('a cluster overview and Nodes tab move to the same-named cluster when the source changes', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const snaps = new SnapshotsPage(page);
  const heading = page.getByRole('heading', { level: 1 });
  const errors = page.locator('.form-error');
  const badge = page.locator('.page-header .fl-status');
  await app.open('#/clusters');
  const tkg = (await startDemo(page)).get('tkg-01')!;
  expect(tkg).not.toBe('tkg-01');
  await expect(app.statusItem('health')).toHaveText('3/3 clusters ready', { timeout: 90_000 });
  await snaps.dropFile('demo-fleet.flotilla', fs.readFileSync(SAMPLE));
  await expect(snaps.banner).toBeVisible({ timeout: 20_000 });
  await snaps.backToLive();

  for (const tab of ['', '/nodes']) {
    await follow(page, `#/clusters/${encodeURIComponent(tkg)}${tab}`);
    await expect(heading).toHaveText('tkg-01');
    await expect(badge).toHaveAttribute('data-status', 'ready');

    // the snapshot knows its cluster by name: the route names it, under its own header
    await snaps.picker.selectOption({ index: 1 });
    await expect(snaps.banner).toBeVisible();
    await expect.poll(() => hashOf(page)).toBe(`#/clusters/tkg-01${tab}`);
    await expect(heading).toHaveText('tkg-01');
    await expect(badge).toHaveAttribute('data-status', 'snapshot');
    await expect(errors).toHaveCount(0);
    if (tab === '/nodes') await expect(page.getByTestId('nodes-summary')).toHaveText(/^\d+ nodes/);
    else await expect(page.getByTestId('overview-facts')).toBeVisible();
    await shot(page, `cluster${tab.replace('/', '-') || '-overview'}-snapshot`);

    // and back: the live cluster's id again
    await snaps.backToLive();
    await expect.poll(() => hashOf(page)).toBe(`#/clusters/${tkg}${tab}`);
    await expect(heading).toHaveText('tkg-01');
    await expect(badge).toHaveAttribute('data-status', 'ready');
    await expect(errors).toHaveCount(0);
  }

  // a source without a cluster of that name (imported manifests): its word, not tkg-01's header
  const manifests = new ManifestsPage(page);
  await app.goTo('Workloads');
  await manifests.dropFiles([
    {
      name: 'web.yaml',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  namespace: default\ndata: {}\n',
    },
  ]);
  await expect(manifests.title).toHaveText('Imported web.yaml');
  await manifests.result.getByRole('button', { name: 'Close' }).click();
  const imported = (await snaps.picker.locator('option[value^="manifests:"]').getAttribute('value'))!;
  for (const tab of ['', '/nodes']) {
    await follow(page, `#/clusters/${encodeURIComponent(tkg)}${tab}`);
    await expect(badge).toHaveAttribute('data-status', 'ready');
    await snaps.picker.selectOption(imported);
    await expect(errors.first()).toHaveText(/has no cluster named/);
    await expect(heading).toHaveText('Cluster');
    await expect(badge).toHaveCount(0);
    await shot(page, `cluster${tab.replace('/', '-') || '-overview'}-missing`);
    await snaps.backToLive();
    await expect(heading).toHaveText('tkg-01');
  }
});

test("a node's detail moves to the same-named cluster's node when the source changes", async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const snaps = new SnapshotsPage(page);
  const heading = page.getByRole('heading', { level: 1 });
  const errors = page.locator('.form-error');
  const facts = page.getByTestId('node-facts');
  const clusterFact = facts
    .locator('div', { has: page.locator('dt', { hasText: /^Cluster$/ }) })
    .locator('a');
  await app.open('#/clusters');
  const tkg = (await startDemo(page)).get('tkg-01')!;
  await expect(app.statusItem('health')).toHaveText('3/3 clusters ready', { timeout: 90_000 });
  await snaps.dropFile('demo-fleet.flotilla', fs.readFileSync(SAMPLE));
  await expect(snaps.banner).toBeVisible({ timeout: 20_000 });
  await snaps.backToLive();

  // a live node of tkg-01, opened from its Nodes tab
  await follow(page, `#/clusters/${encodeURIComponent(tkg)}/nodes`);
  const first = page.getByTestId('node-table').locator('tbody a').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  const node = (await first.textContent())!;
  await first.click();
  await expect.poll(() => hashOf(page)).toBe(`#/clusters/${tkg}/nodes/${node}`);
  await expect(heading).toHaveText(node);
  await expect(clusterFact).toHaveAttribute('href', `#/clusters/${encodeURIComponent(tkg)}`);

  // the snapshot knows its cluster by name: the route names it, with the same node
  await snaps.picker.selectOption({ index: 1 });
  await expect(snaps.banner).toBeVisible();
  await expect.poll(() => hashOf(page)).toBe(`#/clusters/tkg-01/nodes/${node}`);
  await expect(heading).toHaveText(node);
  await expect(clusterFact).toHaveAttribute('href', '#/clusters/tkg-01');
  await expect(clusterFact).toHaveText('tkg-01');
  await expect(errors).toHaveCount(0);
  await shot(page, 'node-detail-snapshot');

  // and back: the live cluster's id again
  await snaps.backToLive();
  await expect.poll(() => hashOf(page)).toBe(`#/clusters/${tkg}/nodes/${node}`);
  await expect(heading).toHaveText(node);
  await expect(clusterFact).toHaveAttribute('href', `#/clusters/${encodeURIComponent(tkg)}`);
  await expect(errors).toHaveCount(0);
});
