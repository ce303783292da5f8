import { expect, test } from './fixtures/test';

test('Tab reaches the sidebar with a visible focus ring; arrows move and Enter opens', async ({
  app,
  page,
}) => {
  await app.open('#/clusters');
  await page.keyboard.press('Tab'); // skip link
  await expect(page.getByRole('button', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  const clusters = app.navLink('Clusters');
  await expect(clusters).toBeFocused();
  const outline = await clusters.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');

  await page.keyboard.press('ArrowDown');
  await expect(app.navLink('Workspaces')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(app.navLink('Namespaces')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(app.navLink('Workspaces')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Workspaces');
  await expect(page).toHaveURL(/#\/workspaces$/);

  await page.keyboard.press('End');
  await expect(app.navLink('Settings')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // wraps
  await expect(app.navLink('Cluster groups')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(app.navLink('Cluster groups')).toBeFocused();
});

test('only one sidebar link is in the Tab order', async ({ app, page }) => {
  await app.open('#/policies');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(app.navLink('Policies')).toBeFocused();
  await page.keyboard.press('Tab'); // leaves the sidebar for the page
  const inSidebar = await page.evaluate(() => !!document.activeElement?.closest('nav'));
  expect(inSidebar).toBe(false);
});

test('Alt+digit jumps to sections, Alt+0 to Settings', async ({ app, page }) => {
  await app.open();
  const cases: [string, string][] = [
    ['Alt+1', 'Cluster groups'],
    ['Alt+5', 'Workloads'],
    ['Alt+9', 'Cost'],
    ['Alt+0', 'Settings'],
    ['Alt+2', 'Clusters'],
    ['Alt+2', 'Clusters'],
  ];
  for (const [keys, heading] of cases) {
    await page.keyboard.press(keys);
    await expect(app.heading).toHaveText(heading);
    await expect(app.heading).toBeFocused();
  }
  await page.goBack();
  await expect(app.heading).toHaveText('Settings');
});
