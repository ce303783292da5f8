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

/** The top-bar button opens the same palette; it finds objects by kind, label (key=value) and namespace. */
test('the search button opens the palette: kind, label and namespace searches', async ({ app, page }) => {
  test.setTimeout(150_000);
  await app.open('#/clusters');
  await new NamespacesPage(page).startDemo('tkg-01');

  const search = new SearchPalette(page);
  await expect(search.button).toContainText(/Ctrl K|⌘K/);
  await expect(search.button).toHaveAttribute('aria-keyshortcuts', /^(Control|Meta)\+K$/);
  await search.openWithButton();

  // a label, as key=value: the cart pods carry app=cart
  const cartPod = search.dialog.locator('[role="option"][data-kind="Pod"][data-name^="cart-"]').first();
  await search.find('app=cart', cartPod);

  // a kind and a name: the cart-redis StatefulSets (and their pods, labelled statefulset.kubernetes.io/pod-name);
  // the cart Deployment and its ReplicaSets are not StatefulSets
  const redis = search.option('StatefulSet', 'cart-redis').first();
  await search.find('statefulset cart', redis);
  const kinds = await search.options.evaluateAll((os) => os.map((o) => o.getAttribute('data-kind')));
  expect(new Set(kinds)).toEqual(new Set(['StatefulSet', 'Pod']));
  await expect(search.option('Deployment', 'cart')).toHaveCount(0);

  // a namespace: everything listed is in it (or is the namespace itself)
  await search.find('shop', search.option('Namespace', 'shop').first());
  const places = await search.options.evaluateAll((os) =>
    os.map((o) => [
      o.getAttribute('data-kind'),
      o.getAttribute('data-name'),
      o.getAttribute('data-namespace'),
    ]),
  );
  expect(places.length).toBeGreaterThan(5);
  for (const [kind, name, namespace] of places) {
    expect(namespace === 'shop' || (kind === 'Namespace' && name === 'shop') || name?.includes('shop')).toBe(
      true,
    );
  }

  await search.input.press('Escape');
  await expect(search.dialog).toBeHidden();
  await expect(search.button).toBeFocused();
});
