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
});
