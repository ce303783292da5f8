import path from 'node:path';
import { expect, test } from './fixtures/test';

/**
 * Screenshots of every section in light and dark, for looking at (not compared pixel by pixel).
 * Runs only with FLOTILLA_SCREENSHOTS set; it writes to test-results/screenshots. With
 * FLOTILLA_SCREENSHOTS=docs it also starts the demo fleet and saves the Clusters page as docs/screenshot.png.
 */
const wanted = process.env.FLOTILLA_SCREENSHOTS;
const hashes = [
  'cluster-groups',
  'clusters',
  'workspaces',
  'namespaces',
  'workloads',
  'policies',
  'inspections',
  'mesh',
  'cost',
  'settings',
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`screenshots (${scheme})`, () => {
    test.skip(!wanted, 'set FLOTILLA_SCREENSHOTS=1 to take screenshots');
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 760 } });

    test(`every section in ${scheme}`, async ({ app, page }) => {
      await app.open();
      for (const hash of hashes) {
        await page.goto(`${app.server.url.split('?')[0]}#/${hash}`);
        await app.expectConnected();
        await expect.poll(() => app.theme()).toBe(scheme);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        expect(overflow, `${hash} overflows horizontally`).toBe(false);
        await page.screenshot({ path: path.join('test-results/screenshots', `${hash}-${scheme}.png`) });
        if (hash === 'workloads') {
          await page.keyboard.press('Tab');
          await page.keyboard.press('Tab');
          await page.keyboard.press('ArrowDown');
          await page.screenshot({ path: path.join('test-results/screenshots', `focus-${scheme}.png`) });
        }
      }
      await page.setViewportSize({ width: 700, height: 700 });
      await page.goto(`${app.server.url.split('?')[0]}#/clusters`);
      await app.expectConnected();
      const narrowOverflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(narrowOverflow, 'the narrow layout overflows horizontally').toBe(false);
      await page.screenshot({ path: path.join('test-results/screenshots', `narrow-${scheme}.png`) });
      await app.server.stop();
      await expect(app.statusItem('bridge')).toHaveText('Disconnected — reconnecting…');
      await page.screenshot({ path: path.join('test-results/screenshots', `disconnected-${scheme}.png`) });
    });
  });
}

test.describe('README screenshot', () => {
  test.skip(wanted !== 'docs', 'set FLOTILLA_SCREENSHOTS=docs to refresh docs/screenshot.png');
  test.use({ colorScheme: 'light', viewport: { width: 1600, height: 900 } });

  test('the Clusters page with the demo fleet', async ({ app, page }) => {
    test.setTimeout(120_000);
    await app.open('#/clusters');
    await page.getByRole('button', { name: 'Start demo fleet' }).first().click();
    await expect(app.statusItem('source')).toContainText('Live', { timeout: 90_000 });
    await expect(app.statusItem('health')).toContainText(/(\d+)\/\1 clusters ready/, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Dismiss' }).click();
    // Wait until the simulated pods are scheduled, so every cluster shows allocated memory.
    await expect(page.getByText(/^0% 0\.00 \//)).toHaveCount(0, { timeout: 60_000 });
    await page.screenshot({ path: 'docs/screenshot.png' });
  });
});
