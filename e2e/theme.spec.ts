import { expect, test } from './fixtures/test';

test.describe('with the OS in light mode', () => {
  test.use({ colorScheme: 'light' });

  test('the system theme is light', async ({ app }) => {
    await app.open();
    await expect.poll(() => app.theme()).toBe('light');
    expect(await app.background()).toBe('rgb(244, 246, 249)');
  });

  test('a chosen theme is saved in main and survives reload and a new browser session', async ({
    app,
    settings,
    page,
    browser,
    server,
  }) => {
    await app.open('#/settings');
    await settings.chooseTheme('Dark');
    await expect.poll(() => app.theme()).toBe('dark');
    expect(await app.background()).toBe('rgb(16, 19, 23)');

    await page.reload();
    await app.expectConnected();
    await expect(settings.themeOption('Dark')).toBeChecked();
    await expect.poll(() => app.theme()).toBe('dark');

    // A fresh context has no local storage: the choice can only come from main's settings.
    const other = await browser.newContext({ colorScheme: 'light' });
    const otherPage = await other.newPage();
    await otherPage.goto(`${server.url}#/clusters`);
    await expect(otherPage.getByTestId('status-bridge')).toHaveText('Connected');
    await expect.poll(() => otherPage.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await other.close();

    await settings.chooseTheme('System');
    await expect.poll(() => app.theme()).toBe('light');
  });
});

test.describe('with the OS in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the system theme follows it, and an explicit Light overrides it', async ({ app, settings }) => {
    await app.open('#/settings');
    await expect.poll(() => app.theme()).toBe('dark');
    expect(await app.background()).toBe('rgb(16, 19, 23)');
    await settings.chooseTheme('Light');
    await expect.poll(() => app.theme()).toBe('light');
    expect(await app.background()).toBe('rgb(244, 246, 249)');
  });

  test('switching the OS scheme while on System repaints without reload', async ({ app, page }) => {
    await app.open();
    await expect.poll(() => app.theme()).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => app.theme()).toBe('light');
  });
});

test('a theme chosen in one window repaints the others through the settings.changed event', async ({
  app,
  settings,
  browser,
  server,
}) => {
  await app.open('#/settings');
  const other = await browser.newContext({ colorScheme: 'light' });
  const otherPage = await other.newPage();
  await otherPage.goto(`${server.url}#/clusters`);
  await expect(otherPage.getByTestId('status-bridge')).toHaveText('Connected');
  await expect.poll(() => otherPage.evaluate(() => document.documentElement.dataset.theme)).toBe('light');

  await settings.chooseTheme('Dark');
  await expect.poll(() => otherPage.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await other.close();
});
