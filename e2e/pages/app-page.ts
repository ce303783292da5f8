import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningServer } from '../fixtures/server';

/** The shell around every section: sidebar, page header, empty state, status bar. */
export class AppPage {
  readonly sidebar: Locator;
  readonly heading: Locator;
  readonly emptyState: Locator;
  readonly statusBar: Locator;

  constructor(
    readonly page: Page,
    readonly server: RunningServer,
  ) {
    this.sidebar = page.getByRole('navigation', { name: 'Sections' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.emptyState = page.getByTestId('empty-state');
    this.statusBar = page.getByRole('status', { name: 'Status' });
  }

  /** Opens the URL the server printed (with its token), optionally at a route such as `#/settings`. */
  async open(hash = ''): Promise<void> {
    await this.page.goto(`${this.server.url}${hash}`);
    await this.expectConnected();
  }

  async expectConnected(): Promise<void> {
    await expect(this.statusItem('bridge')).toHaveText('Connected');
  }

  navLink(label: string): Locator {
    return this.sidebar.getByRole('link', { name: label, exact: true });
  }

  statusItem(id: 'source' | 'health' | 'bridge'): Locator {
    return this.page.getByTestId(`status-${id}`);
  }

  async goTo(label: string): Promise<void> {
    await this.navLink(label).click();
    await expect(this.heading).toHaveText(label);
  }

  /** The `data-theme` the renderer painted on <html>. */
  theme(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset.theme);
  }

  /** The page background as the browser computed it, e.g. "rgb(16, 19, 23)". */
  background(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  }
}
