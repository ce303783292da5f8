import { expect, test } from './fixtures/test';
import { NamespacesPage } from './pages/namespaces';

/**
 * Workspaces and namespaces over the demo fleet: create a workspace, create a namespace in it on
 * tkg-01 (the name checked as an RFC 1123 label while typing), see it listed on the Namespaces page
 * as managed in that workspace and on the workspace's page; the system-namespace toggle hides kube-*.
 */
test('create a workspace, create a namespace in it on a cluster, see it listed', async ({ app, page }) => {
  test.setTimeout(180_000);
  const ns = new NamespacesPage(page);
  await app.open('#/clusters');
  await ns.startDemo('tkg-01');

  await app.goTo('Workspaces');
  await ns.createWorkspace('shop-team', 'The shop application');
  await ns.workspaceRow('shop-team').getByRole('link', { name: 'shop-team' }).click();
  await expect(app.heading).toHaveText('shop-team');
  await expect(page.getByText('No namespaces yet.')).toBeVisible();

  await page.getByRole('link', { name: 'New namespace' }).click();
  await expect(ns.dialog).toBeVisible();
  await ns.selectStartingWith(ns.dialog.getByLabel('Cluster'), 'tkg-01');
  await expect(ns.dialog.getByLabel('Workspace')).toHaveValue(/.+/);
  await expect(ns.dialog.getByLabel('Workspace').locator('option:checked')).toHaveText('shop-team');

  const name = ns.dialog.getByLabel('Namespace name');
  await name.fill('Shop_Dev');
  await expect(ns.dialog.getByText(/has uppercase letters/)).toBeVisible();
  await expect(ns.dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
  await name.fill('shop-dev');
  await ns.dialog.getByLabel('Namespace description').fill('Shop development');
  await ns.dialog.getByLabel('Namespace labels').fill('owner: shop, env: dev');
  await ns.dialog.getByRole('button', { name: 'Create' }).click();
  await expect(ns.dialog).toBeHidden({ timeout: 15_000 });
  await expect(page.getByText(/Created namespace shop-dev on tkg-01 in workspace shop-team/)).toBeVisible();

  // The Namespaces page lists it (once the cluster's watch delivered it) as managed in shop-team.
  await expect(app.heading).toHaveText('Namespaces');
  const row = ns.row('shop-dev', 'tkg-01', ns.table);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.locator('[data-col="managed"]')).toHaveText('Yes');
  await expect(row.locator('[data-col="workspace"]')).toHaveText('shop-team');
  await expect(row.locator('[data-col="labels"]')).toContainText('owner: shop');
  await expect(row.locator('[data-col="labels"]')).toHaveAttribute('title', /env: dev/);

  // Creating it again is a plain conflict message.
  await page.goto(page.url().replace(/#.*$/, '#/namespaces/new'));
  await ns.selectStartingWith(ns.dialog.getByLabel('Cluster'), 'tkg-01');
  await ns.dialog.getByLabel('Namespace name').fill('shop-dev');
  await ns.dialog.getByRole('button', { name: 'Create' }).click();
  await expect(ns.dialog.getByRole('alert')).toContainText('exists already on cluster tkg-01');
  await ns.dialog.getByRole('button', { name: 'Cancel' }).click();

  // System namespaces hide with the toggle.
  await expect(ns.row('kube-system', 'tkg-01', ns.table)).toBeVisible();
  await page.getByLabel('Hide system namespaces').check();
  await expect(ns.row('kube-system', 'tkg-01', ns.table)).toHaveCount(0);
  await expect(ns.row('shop-dev', 'tkg-01', ns.table)).toBeVisible();

  // "Attach namespaces" adopts an existing namespace into the workspace.
  const monitoring = ns.row('monitoring', 'tkg-01', ns.table);
  await expect(monitoring.locator('[data-col="managed"]')).toHaveText('No');
  await monitoring.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Attach namespaces (1)' }).click();
  const attach = page.getByRole('dialog', { name: 'Attach namespaces' });
  await attach.getByLabel('Workspace').selectOption({ label: 'shop-team' });
  await attach.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(attach).toBeHidden();
  await expect(monitoring.locator('[data-col="workspace"]')).toHaveText('shop-team');

  // The workspace's page lists them across clusters.
  await row.locator('[data-col="workspace"]').getByRole('link').click();
  await expect(app.heading).toHaveText('shop-team');
  const members = page.getByRole('table', { name: 'Namespaces of shop-team' });
  await expect(ns.row('shop-dev', 'tkg-01', members)).toBeVisible();
  await expect(ns.row('monitoring', 'tkg-01', members)).toBeVisible();
});
