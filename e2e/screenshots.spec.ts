import path from 'node:path';
import { expect, test } from './fixtures/test';

/**
 * Screenshots of every section in light and dark, for looking at (not compared pixel by pixel).
 * Runs only with FLOTILLA_SCREENSHOTS set; it writes to test-results/screenshots, and the Clusters page
 * in light to docs/screenshot.png when FLOTILLA_SCREENSHOTS=docs.
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
        if (wanted === 'docs' && hash === 'clusters' && scheme === 'light') {
          await page.screenshot({ path: 'docs/screenshot.png' });
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
