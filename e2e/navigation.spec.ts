import { expect, test } from './fixtures/test';

/** Each section of the reference deck, with the empty state a fresh installation shows. */
const sections = [
  { label: 'Clusters', hash: '#/clusters', empty: 'No clusters attached yet' },
  { label: 'Namespaces', hash: '#/namespaces', empty: 'No namespaces to show' },
  { label: 'Workloads', hash: '#/workloads', empty: 'No workloads to show' },
  { label: 'Policies', hash: '#/policies', empty: 'No policies yet' },
  { label: 'Inspections', hash: '#/inspections', empty: 'No inspections yet' },
  { label: 'Mesh', hash: '#/mesh', empty: 'No services to map yet' },
  { label: 'Cost', hash: '#/cost', empty: 'No cost data yet' },
];
const order = [
  'Cluster groups',
  'Clusters',
  'Workspaces',
  ...sections.slice(1).map((s) => s.label),
  'Settings',
];

test('every section opens from the sidebar and shows its empty state', async ({ app, page }) => {
  await app.open();
  await expect(app.sidebar.getByRole('link')).toHaveCount(10);
  await expect(app.sidebar.locator('.nav-label')).toHaveText(order);

  // A fresh installation has one cluster group, "default", so that page lists it instead.
  await app.goTo('Cluster groups');
  await expect(page).toHaveURL(/#\/cluster-groups$/);
  await expect(page.getByRole('table', { name: 'Cluster groups' })).toContainText('default');
  // Likewise the `default` workspace.
  await app.goTo('Workspaces');
  await expect(page).toHaveURL(/#\/workspaces$/);
  await expect(page.getByRole('main')).toContainText('default');

  for (const section of sections) {
    await app.goTo(section.label);
    await expect(page).toHaveURL(new RegExp(`${section.hash}$`));
    await expect(app.navLink(section.label)).toHaveAttribute('aria-current', 'page');
    await expect(app.emptyState.getByRole('heading', { level: 2 })).toHaveText(section.empty);
    await expect(page).toHaveTitle(`${section.label} · Flotilla`);
  }
});

test('the clusters empty state says how to attach a cluster', async ({ app }) => {
  await app.open('#/clusters');
  await expect(app.emptyState).toContainText('kubeconfig');
  await expect(app.emptyState).toContainText('~/.kube/config');
  await expect(app.emptyState).toContainText('demo fleet');
});

test('an action that cannot run yet is disabled and says why', async ({ app }) => {
  await app.open('#/inspections');
  const run = app.page.getByRole('button', { name: 'Run inspection' });
  await expect(run).toBeDisabled();
  await expect(run).toHaveAccessibleDescription(
    'Attach a cluster, open a snapshot or import manifests first.',
  );
});

test('empty states link to where the next step happens', async ({ app, page }) => {
  await app.open('#/policies');
  await app.emptyState.getByRole('link', { name: 'Go to Workspaces' }).click();
  await expect(app.heading).toHaveText('Workspaces');
  await expect(page).toHaveURL(/#\/workspaces$/);
});

test('settings shows what main reports about this installation', async ({ app, settings, server }) => {
  await app.open('#/settings');
  await expect(app.heading).toHaveText('Settings');
  await expect(settings.fact('version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(settings.fact('shell')).toHaveText('Browser mode');
  await expect(settings.fact('data-dir')).toHaveText(server.dataDir);
  await expect(settings.fact('schema')).toHaveText(/^version \d+$/);
  await expect(settings.themeOption('System')).toBeChecked();
});

test('routes survive reload, and back and forward move between sections', async ({ app, page }) => {
  await app.open();
  await expect(app.heading).toHaveText('Clusters');
  await app.goTo('Workloads');
  await app.goTo('Cost');
  await page.reload();
  await app.expectConnected();
  await expect(app.heading).toHaveText('Cost');
  await page.goBack();
  await expect(app.heading).toHaveText('Workloads');
  await page.goForward();
  await expect(app.heading).toHaveText('Cost');
});

test('an unknown route says so and offers a way back', async ({ app }) => {
  await app.open('#/no-such-place');
  await expect(app.heading).toHaveText('Page not found');
  await expect(app.emptyState).toContainText('#/no-such-place');
  await app.emptyState.getByRole('link', { name: 'Go to Clusters' }).click();
  await expect(app.heading).toHaveText('Clusters');
});
