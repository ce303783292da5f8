import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startFleet, type SimFleet } from './fixtures/sim-fleet';
import { expect, test } from './fixtures/test';
import { ClustersPage } from './pages/clusters';
import { NamespacesPage } from './pages/namespaces';
import { WorkloadsPage } from './pages/workloads';

/**
 * Rows of a cluster that does not answer are what it last reported: Workloads and Namespaces mark
 * them in their cluster cell (with the cluster's state and why on hover) and name the cluster above
 * the table, and the marks go once the cluster answers again.
 */

let fleet: SimFleet;
const SHOTS = process.env.FLOTILLA_SHOTS_DIR;

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};

test.beforeAll(async () => {
  fleet = await startFleet(['--clusters', '2', '--nodes', '1', '--pods', '4']);
});

test.afterAll(() => fleet?.stop());

test('rows of a cluster that refuses connections are marked last known until it answers', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const [a, b] = fleet.names as [string, string];
  const clusters = new ClustersPage(page);
  const workloads = new WorkloadsPage(page);
  const namespaces = new NamespacesPage(page);
  const note = page.getByTestId('last-known');
  const mark = (row: ReturnType<Page['locator']>) => row.locator('[data-last-known]');

  await fleet.kubectl('--context', b, 'create', 'namespace', 'lk-ns');
  await fleet.kubectl('--context', b, 'create', 'deployment', 'lk-b', '--image=nginx');
  await fleet.kubectl('--context', a, 'create', 'deployment', 'lk-a', '--image=nginx');
  await app.open('#/clusters/attach');
  await clusters.dropFiles([{ name: 'kubeconfig', text: fs.readFileSync(fleet.kubeconfig, 'utf8') }]);
  await clusters.context(`${a}-cert`).getByRole('checkbox').uncheck();
  await page.getByRole('button', { name: 'Attach 2 clusters' }).click();
  await expect(app.statusItem('health')).toHaveText('2/2 clusters ready', { timeout: 30_000 });

  await app.goTo('Workloads');
  await workloads.nameFilter.fill('lk-');
  const rowA = workloads.row('lk-a');
  const rowB = workloads.row('lk-b');
  await expect(rowB).toContainText(b, { timeout: 30_000 });
  await expect(rowA).toContainText(a);
  await expect(mark(rowB)).toHaveCount(0);
  await expect(note).toHaveCount(0);

  // b refuses connections: its row is marked, a's is not, and the note names b and why
  await fleet.faults(b, { unreachable: 'refuse' });
  await expect(page.getByTestId('status-problems')).toHaveText(`${b} unreachable`, { timeout: 60_000 });
  await expect(mark(rowB)).toHaveText(`${b} · last known`);
  await expect(mark(rowB)).toHaveAttribute(
    'title',
    new RegExp(`^${b}: unreachable — 127\\.0\\.0\\.1:\\d+ refused the connection.*\\nIts rows are as`),
  );
  await expect(mark(rowA)).toHaveCount(0);
  await expect(note).toHaveText(
    `${b} is not ready (unreachable): its rows below are as it last reported them.`,
  );
  await shot(page, 'last-known-workloads');

  await app.goTo('Namespaces');
  const nsB = namespaces.row('lk-ns', b);
  await expect(mark(nsB)).toHaveText(`${b} · last known`);
  await expect(mark(nsB)).toHaveAttribute('title', new RegExp(`^${b}: unreachable — `));
  await expect(mark(namespaces.row('default', a))).toHaveCount(0);
  await expect(note).toHaveText(
    `${b} is not ready (unreachable): its rows below are as it last reported them.`,
  );
  await shot(page, 'last-known-namespaces');

  // filtered to the healthy cluster, nothing is said about b
  await page.getByRole('combobox', { name: 'Cluster', exact: true }).selectOption({ label: a });
  await expect(namespaces.row('lk-ns', b)).toHaveCount(0);
  await expect(note).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Cluster', exact: true }).selectOption({ label: 'All clusters' });

  // b answers again: the marks and the note go
  await fleet.admin(b, 'reset');
  await expect(page.getByTestId('status-problems')).toHaveCount(0, { timeout: 60_000 });
  await expect(nsB.getByRole('link', { name: b, exact: true })).toBeVisible();
  await expect(mark(nsB)).toHaveCount(0);
  await expect(note).toHaveCount(0);
  await app.goTo('Workloads');
  await workloads.nameFilter.fill('lk-');
  await expect(rowB).toContainText(b);
  await expect(mark(rowB)).toHaveCount(0);
  await expect(note).toHaveCount(0);
  await shot(page, 'last-known-recovered');
});
