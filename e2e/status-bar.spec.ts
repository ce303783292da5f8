import { expect, test } from './fixtures/test';

test('a fresh installation shows no data source, a live connection and no token in the address bar', async ({
  app,
  page,
}) => {
  await app.open();
  await expect(app.statusItem('source')).toContainText('No clusters');
  await expect(app.statusItem('bridge')).toHaveText('Connected');
  await expect(app.statusBar).toContainText(/Flotilla \d+\.\d+\.\d+ · browser/);
  expect(page.url()).not.toContain('token=');
});

test('the token survives a reload of the cleaned URL', async ({ app, page }) => {
  await app.open('#/mesh');
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await app.expectConnected();
  await expect(app.heading).toHaveText('Mesh');
});

test('when the server goes away the status bar says so', async ({ app, server }) => {
  await app.open();
  await server.stop();
  await expect(app.statusItem('bridge')).toHaveText('Disconnected — reconnecting…');
  await expect(app.statusItem('bridge')).toHaveAttribute('data-tone', 'error');
  await expect(app.statusItem('source')).toHaveAttribute('title', /last known/);
});

test('the status bar follows app.status events: the demo fleet turns it live without a reload', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.open('#/clusters');
  await expect(app.statusItem('source')).toContainText('No clusters');
  await page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  await expect(app.statusItem('source')).toHaveText(/^Live: \d+ clusters?$/, { timeout: 90_000 });
  await expect(app.statusItem('health')).toHaveText(/^(\d+)\/\1 clusters ready$/, { timeout: 60_000 });
  await expect(app.statusItem('health')).toHaveAttribute('data-tone', 'ok');
});
