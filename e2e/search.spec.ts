import { expect, test } from './fixtures/test';
import { NamespacesPage } from './pages/namespaces';
import { SearchPalette } from './pages/search';

/** Ctrl-K over the demo fleet: find the shop's cart deployment by name, move to it with the keyboard, open it. */
test('Ctrl-K search finds a deployment by name and Enter opens it', async ({ app, page }) => {
  test.setTimeout(150_000);
  await app.open('#/clusters');
  await new NamespacesPage(page).startDemo('tkg-01');

  const search = new SearchPalette(page);
  await search.open();
  await search.input.fill('cart');
  const cart = search.option('Deployment', 'cart').first();
  // The object cache fills as clusters sync: type again until the deployment is there.
  await expect(async () => {
    await search.input.fill('');
    await search.input.fill('cart');
    await expect(cart).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(cart).toContainText('shop');
  await expect(search.dialog).toContainText(/\d+ match/);

  await search.moveTo(cart);
  await search.input.press('Enter');
  await expect(search.dialog).toBeHidden();
  expect(decodeURIComponent(new URL(page.url()).hash)).toMatch(/^#\/workloads\/deployments\?.*text=cart/);
  await expect(app.heading).toHaveText('Workloads');

  // Escape closes it and nothing is opened.
  await search.open();
  await search.input.press('Escape');
  await expect(search.dialog).toBeHidden();
});
