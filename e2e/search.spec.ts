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

/**
 * The top-bar button opens the same palette; it shows its syntax, and reads kinds (as kubectl
 * names them), exact labels (key=value) and namespaces.
 */
test('the search button opens the palette: kind, label and namespace searches', async ({ app, page }) => {
  test.setTimeout(150_000);
  await app.open('#/clusters');
  await new NamespacesPage(page).startDemo('tkg-01');

  const search = new SearchPalette(page);
  await expect(search.button).toContainText(/Ctrl K|⌘K/);
  await expect(search.button).toHaveAttribute('aria-keyshortcuts', /^(Control|Meta)\+K$/);
  await search.openWithButton();
  await expect(search.dialog).toContainText('app=cart');
  await expect(search.dialog).toContainText('ns:shop');

  const kindsListed = () =>
    search.options.evaluateAll((os) => [...new Set(os.map((o) => o.getAttribute('data-kind')))]);
  const namesListed = () =>
    search.options.evaluateAll((os) => os.map((o) => o.getAttribute('data-name') ?? ''));

  // a label, as key=value, is exact: the cart pods carry app=cart, the cart-redis pods app=cart-redis
  const cartPod = search.dialog.locator('[role="option"][data-kind="Pod"][data-name^="cart-"]').first();
  await search.find('app=cart', cartPod);
  await expect(search.option('Deployment', 'cart').first()).toBeVisible();
  expect((await namesListed()).filter((n) => n.startsWith('cart-redis'))).toEqual([]);

  // a kind and a name: "statefulset" is a kind, so only the cart-redis StatefulSets are listed
  // (not their pods, labelled statefulset.kubernetes.io/pod-name, nor the cart Deployment)
  await search.find('statefulset cart', search.option('StatefulSet', 'cart-redis').first());
  expect(await kindsListed()).toEqual(['StatefulSet']);

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
  // ns: only the namespace's objects; with a short kind name, only that kind
  await search.find('ns:shop sts', search.option('StatefulSet', 'cart-redis').first());
  expect(await kindsListed()).toEqual(['StatefulSet']);
  expect(
    new Set(await search.options.evaluateAll((os) => os.map((o) => o.getAttribute('data-namespace')))),
  ).toEqual(new Set(['shop']));

  await search.input.press('Escape');
  await expect(search.dialog).toBeHidden();
  await expect(search.button).toBeFocused();
});

/** kubectl's names for kinds: "deploy" lists deployments, "pods NAME" pods; cluster: takes a name; Enter opens a pod. */
test('kind short names and plurals, cluster by name, and Enter on a pod', async ({ app, page }) => {
  test.setTimeout(150_000);
  await app.open('#/clusters');
  const tkg = await new NamespacesPage(page).startDemo('tkg-01');

  const search = new SearchPalette(page);
  await search.open();
  const kindsListed = () =>
    search.options.evaluateAll((os) => [...new Set(os.map((o) => o.getAttribute('data-kind')))]);

  // "deploy" alone lists deployments, of every namespace and cluster, in name order
  await search.find('deploy', search.option('Deployment', 'cart').first());
  expect(await kindsListed()).toEqual(['Deployment']);
  const deployments = await search.options.evaluateAll((os) =>
    os.map((o) => o.getAttribute('data-name') ?? ''),
  );
  expect(deployments.length).toBeGreaterThan(5);
  expect(deployments).toEqual([...deployments].sort());
  await expect(search.dialog).toContainText(/\d+ match/);

  // the same with the plural, in capitals
  await search.find('DEPLOYMENTS', search.option('Deployment', 'cart').first());
  expect(await kindsListed()).toEqual(['Deployment']);

  // cluster: by the cluster's name: the shop runs on two clusters, this lists one cart Deployment
  await search.find('cluster:tkg-01 deploy cart', search.option('Deployment', 'cart').first());
  await expect(search.option('Deployment', 'cart')).toHaveCount(1);
  await expect(search.option('Deployment', 'cart')).toContainText('tkg-01');

  // "pods cart": pods only, whose name (or namespace, or labels) holds "cart"; Enter opens the pod
  const cartPod = search.dialog.locator('[role="option"][data-kind="Pod"][data-name^="cart-"]').first();
  await search.find('pods cart', cartPod);
  expect(await kindsListed()).toEqual(['Pod']);
  const pod = (await cartPod.getAttribute('data-name'))!;
  await search.input.fill(`cluster:tkg-01 po ${pod}`);
  const only = search.option('Pod', pod);
  await expect(only).toHaveCount(1);
  await expect(search.results).toHaveAttribute('aria-busy', 'false');
  await search.moveTo(only);
  await search.input.press('Enter');
  await expect(search.dialog).toBeHidden();
  expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#/workloads/pods/${tkg}/shop/${pod}`);
});
