import { expect, type Locator, type Page } from '@playwright/test';

/** The Clusters section: list, attach view and overview. */
export class ClustersPage {
  readonly rows: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('cluster-rows').getByRole('row');
    this.count = page.getByTestId('cluster-count');
  }

  /** Drops files on the window the way a browser does (a DataTransfer with File objects). */
  async dropFiles(files: Array<{ name: string; text: string }>): Promise<void> {
    await this.page.evaluate((list) => {
      const transfer = new DataTransfer();
      for (const f of list) transfer.items.add(new File([f.text], f.name, { type: 'text/plain' }));
      const target = document.querySelector('main') ?? document.body;
      const init = { bubbles: true, cancelable: true, dataTransfer: transfer };
      target.dispatchEvent(new DragEvent('dragenter', init));
      target.dispatchEvent(new DragEvent('dragover', init));
      target.dispatchEvent(new DragEvent('drop', init));
    }, files);
  }

  context(key: string): Locator {
    return this.page.locator(`section[data-context="${key}"]`);
  }

  row(name: string): Locator {
    return this.page.locator(`[role="row"][data-name="${name}"]`);
  }

  status(name: string): Locator {
    return this.row(name).locator('[data-status]');
  }

  async expectStatus(name: string, status: string, timeout = 20_000): Promise<void> {
    await expect(this.status(name)).toHaveAttribute('data-status', status, { timeout });
  }

  cell(name: string, col: 'cpu' | 'memory' | 'nodes'): Locator {
    return this.row(name).locator(`[data-col="${col}"]`);
  }

  async openOverview(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(name);
  }

  fact(label: string): Locator {
    return this.page
      .getByTestId('overview-facts')
      .locator('div')
      .filter({ has: this.page.locator('dt', { hasText: label }) })
      .locator('dd');
  }
}
