import { expect, type Locator, type Page } from '@playwright/test';

/** The Workloads section: kind tabs, filters, the virtualised table, and the pod page. */
export class WorkloadsPage {
  readonly rows: Locator;
  readonly count: Locator;
  readonly labelSelector: Locator;
  readonly nameFilter: Locator;
  readonly logLines: Locator;
  readonly logState: Locator;
  readonly logSearch: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('workload-rows').locator('[role="row"][data-name]');
    this.count = page.getByTestId('workload-count');
    this.labelSelector = page.getByLabel('Label selector');
    this.nameFilter = page.getByLabel('Name', { exact: true });
    this.logLines = page.getByTestId('log-lines').locator('.wl-log-line');
    this.logState = page.getByTestId('log-state');
    this.logSearch = page.getByRole('searchbox', { name: 'Search' });
  }

  tab(label: string): Locator {
    return this.page.getByRole('navigation', { name: 'Workload kinds' }).getByRole('link', { name: label });
  }

  row(name: string): Locator {
    return this.page.locator(`[role="row"][data-name="${name}"]`);
  }

  /** Rows whose name starts with `prefix` (pods carry generated suffixes). */
  rowsNamed(prefix: string): Locator {
    return this.page.locator(`[role="row"][data-name^="${prefix}"]`);
  }

  async filterByLabels(selector: string): Promise<void> {
    await this.labelSelector.fill(selector);
  }

  /** Waits until the table has settled on `n` rows (the count line says so). */
  async expectCount(pattern: RegExp, timeout = 60_000): Promise<void> {
    await expect(this.count).toHaveText(pattern, { timeout });
  }

  fact(testId: 'pod-status' | 'pod-restarts' | 'pod-owner' | 'pod-ip'): Locator {
    return this.page.getByTestId(testId);
  }

  condition(type: string): Locator {
    return this.page.locator(`[data-condition="${type}"]`);
  }

  container(name: string): Locator {
    return this.page.locator(`tr[data-container="${name}"]`);
  }
}
