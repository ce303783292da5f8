import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../main/store/db';
import { createObjectStore } from '../main/store/objects';
import { startServer } from './fixtures/server';
import { expect, test } from './fixtures/test';
import { NamespacesPage } from './pages/namespaces';
import { WorkloadsPage } from './pages/workloads';

const shots = process.env.WORKLOADS_SHOTS;

test('workloads over the demo fleet: filter by a label selector, open the crash-looping pod, see its restarts and logs', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const workloads = new WorkloadsPage(page);
  await app.open('#/clusters');
  await page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  await expect(app.statusItem('health')).toHaveText(/^(\d+)\/\1 clusters ready$/, { timeout: 90_000 });

  await app.goTo('Workloads');
  await expect(workloads.tab('Deployments')).toHaveAttribute('aria-current', 'page');
  await workloads.expectCount(/^[1-9][\d,]* deployments?$/);
  await expect(workloads.row('payment').first()).toBeVisible();

  await workloads.tab('Pods').click();
  await workloads.expectCount(/^[1-9][\d,]* pods$/);
  await workloads.filterByLabels('app in (payment');
  await expect(page.getByTestId('selector-problem')).toContainText('expected at column 16');
  await workloads.filterByLabels('app=payment, app.kubernetes.io/part-of=harbor-goods');
  await expect(page.getByTestId('selector-problem')).toHaveCount(0);
  await workloads.expectCount(/^[1-9] pods?$/);
  const rows = workloads.rowsNamed('payment-');
  await expect(rows.first()).toBeVisible();
  expect(await workloads.rows.count()).toBe(await rows.count());
  // the demo's payment container exits on start: the kubelet restarts it and backs off
  const crashing = rows.filter({
    has: page.locator('[data-status="CrashLoopBackOff"], [data-status="Error"]'),
  });
  await expect(crashing.first()).toBeVisible({ timeout: 60_000 });
  if (shots) {
    await page.screenshot({ path: `${shots}/workloads-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${shots}/workloads-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  }
  const name = (await crashing.first().getAttribute('data-name')) ?? '';
  await crashing.first().getByRole('link', { name }).click();

  await expect(app.heading).toHaveText(name);
  // between crashes the container runs for a moment: the status word flips, the restarts only grow
  await expect(workloads.fact('pod-status')).toHaveText(/^(CrashLoopBackOff|Error|Running)$/);
  await expect(workloads.fact('pod-restarts')).toHaveText(/^[1-9]\d*$/, { timeout: 60_000 });
  await expect(workloads.fact('pod-owner')).toHaveText(/^Deployment payment \(ReplicaSet payment-/);
  await expect(workloads.fact('pod-ip')).toHaveText(/\d+\.\d+\.\d+\.\d+/);
  await expect(workloads.condition('PodScheduled')).toContainText('True');
  await expect(workloads.condition('Ready')).toContainText(/^Ready: (True|False)/);
  await expect(workloads.container('payment')).toContainText('Error (exit code 3)');

  // logs of the crashing container: the current run, searchable, and the previous run's panic
  await expect(workloads.logLines.first()).toBeVisible({ timeout: 30_000 });
  const first = (await workloads.logLines.first().textContent()) ?? '';
  const word = first.split(/\s+/).find((w) => /^[A-Za-z]{4,}$/.test(w)) ?? first.slice(0, 4);
  await workloads.logSearch.fill(word);
  await expect(page.getByTestId('log-lines').locator('mark').first()).toHaveText(new RegExp(word, 'i'));
  await expect(page.getByTestId('log-matches')).toHaveText(/^[1-9]\d* matching lines?$/);
  if (shots) {
    await page.getByTestId('log-lines').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/pod-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${shots}/pod-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`_shop_${name}_payment\\.log$`));

  await workloads.logSearch.fill('');
  await page.getByLabel(/Previous run/).check();
  await expect(workloads.logState).toHaveAttribute('data-state', 'ready');
  await expect(workloads.logLines.last()).toContainText('panic');
});

test('filter workloads by a workspace, then open one of its pods and see its usage', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  const ns = new NamespacesPage(page);
  const workloads = new WorkloadsPage(page);
  await app.open('#/clusters');
  const tkg = await ns.startDemo('tkg-01');

  // a workspace holding the shop namespace of tkg-01 only (the demo has shop on other clusters too)
  await app.goTo('Workspaces');
  await ns.createWorkspace('shop-team');
  await app.goTo('Namespaces');
  const shop = ns.row('shop', 'tkg-01', ns.table);
  await expect(shop).toBeVisible({ timeout: 60_000 });
  await shop.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Attach namespaces (1)' }).click();
  const attach = page.getByRole('dialog', { name: 'Attach namespaces' });
  await attach.getByLabel('Workspace').selectOption({ label: 'shop-team' });
  await attach.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(attach).toBeHidden();

  await app.goTo('Workloads');
  await workloads.tab('Pods').click();
  await workloads.expectCount(/^[1-9][\d,]* pods$/);
  const everywhere = await workloads.rows.count();
  const shopElsewhere = page.locator(`[role="row"][data-namespace="shop"]:not([data-cluster="${tkg}"])`);
  await workloads.filterByWorkspace('shop-team');
  await workloads.expectCount(/^[1-9]\d* pods?$/);
  await expect(workloads.rows.first()).toHaveAttribute('data-namespace', 'shop');
  const inWorkspace = await workloads.rows.count();
  expect(inWorkspace).toBeLessThanOrEqual(everywhere);
  for (const row of await workloads.rows.all()) {
    await expect(row).toHaveAttribute('data-namespace', 'shop');
    await expect(row).toHaveAttribute('data-cluster', tkg);
  }
  await expect(shopElsewhere).toHaveCount(0);
  // the namespace picker only offers the workspace's namespaces
  await expect(workloads.namespace.locator('option')).toHaveText(['All namespaces', 'shop']);
  if (shots) await page.screenshot({ path: `${shots}/workloads-workspace.png` });

  const first = workloads.rows.first();
  const podName = (await first.getAttribute('data-name')) ?? '';
  await first.getByRole('link', { name: podName }).click();
  await expect(app.heading).toHaveText(podName);

  // usage: metrics-server measures new pods first, then every ~30 s; the page reads every 15 s
  const container = workloads.usage.locator('tr[data-usage-row]:not([data-usage-row="total"])').first();
  await expect(container).toBeVisible({ timeout: 90_000 });
  await expect(container.locator('td').nth(0)).toHaveText(/^(\d+m|[\d.]+ cores)/);
  await expect(container.locator('td').nth(2)).toHaveText(/^[\d.]+ (B|KiB|MiB|GiB)/);
  await expect(workloads.usage).toContainText(/From metrics\.k8s\.io.*read again every 15 s/);
  if (shots) {
    await workloads.usage.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/pod-usage.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${shots}/pod-usage-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  }
});

test('a pod of the sample snapshot: the usage and log tail it recorded, nothing to follow', async ({
  app,
  page,
}) => {
  const workloads = new WorkloadsPage(page);
  await app.open('#/clusters');
  await app.emptyState.getByRole('button', { name: 'Open the sample snapshot' }).click();
  await expect(page.getByText(/^Snapshot of .* read-only$/)).toBeVisible({ timeout: 30_000 });

  await app.goTo('Workloads');
  await workloads.tab('Pods').click();
  await workloads.nameFilter.fill('blog-mysql-0');
  await workloads.expectCount(/^2 pods$/); // the blog runs on two of the demo clusters
  await workloads.row('blog-mysql-0').first().getByRole('link', { name: 'blog-mysql-0' }).click();
  await expect(app.heading).toHaveText('blog-mysql-0');
  // the sample was captured with metric samples and log tails
  await expect(page.getByTestId('usage-recorded')).toContainText(
    /When the snapshot was taken.*the pod used .* CPU/,
  );
  await expect(workloads.logState).toHaveText('The last lines of the log when the snapshot was taken.');
  await expect(workloads.logLines.first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Follow/ })).toHaveCount(0);
  if (shots) {
    await page.getByTestId('log-lines').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/pod-snapshot.png` });
  }
});

/** 100,000 pods over 10 clusters written straight into a data folder's object table. */
function seedPods(dataDir: string, count: number): void {
  const db = openDatabase(path.join(dataDir, 'flotilla.db'));
  const store = createObjectStore(db);
  const started = Date.now();
  let batch: Parameters<typeof store.upsert>[0][number][] = [];
  for (let i = 0; i < count; i++) {
    const crash = i % 97 === 0;
    batch.push({
      source: 'live',
      cluster: `cluster-${i % 10}`,
      group: '',
      version: 'v1',
      kind: 'Pod',
      object: {
        metadata: {
          name: `pod-${String(i).padStart(6, '0')}`,
          namespace: `ns-${i % 50}`,
          uid: `uid-${i}`,
          labels: { app: `app-${i % 200}`, tier: i % 3 ? 'front' : 'back' },
          creationTimestamp: new Date(started - i * 1000).toISOString(),
        },
        spec: {
          nodeName: `node-${i % 300}`,
          containers: [{ name: 'main', image: `img/app-${i % 200}:1.0` }],
        },
        status: {
          phase: 'Running',
          containerStatuses: [
            crash
              ? {
                  name: 'main',
                  ready: false,
                  restartCount: i % 13,
                  state: { waiting: { reason: 'CrashLoopBackOff' } },
                }
              : { name: 'main', ready: true, restartCount: 0, state: { running: {} } },
          ],
        },
      },
    });
    if (batch.length === 5000) {
      store.upsert(batch);
      batch = [];
    }
  }
  store.upsert(batch);
  db.close();
}

test('the pods table stays responsive at 100,000 rows: only the visible window is fetched', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flotilla-e2e-100k-'));
  seedPods(dataDir, 100_000);
  const server = await startServer({ dataDir });
  try {
    const workloads = new WorkloadsPage(page);
    await page.goto(`${server.url}#/workloads/pods`);
    await workloads.expectCount(/^100,000 pods$/, 20_000);
    await expect(workloads.row('pod-000000')).toBeVisible();
    // only the rows on screen (plus a small overscan) are in the document
    expect(await workloads.rows.count()).toBeLessThan(60);

    const scroller = page.getByTestId('workload-rows');
    let t = Date.now();
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(workloads.row('pod-099999')).toBeVisible({ timeout: 3_000 });
    const toEnd = Date.now() - t;

    t = Date.now();
    await page.getByRole('button', { name: 'Restarts' }).click();
    await page.getByRole('button', { name: /^Restarts/ }).click();
    await expect(workloads.rows.first().locator('[data-col="restarts"]')).toHaveText('12', {
      timeout: 3_000,
    });
    const sorted = Date.now() - t;

    await workloads.filterByLabels('app=app-7, tier=back');
    // i % 200 = 7 and i % 3 = 0: 167 of the 100,000
    await workloads.expectCount(/^167 pods$/, 5_000);
    test.info().annotations.push({ type: 'timings', description: `end ${toEnd} ms, sort ${sorted} ms` });
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
