import { expect, type Locator, type Page } from '@playwright/test';

/** The Nodes views: a cluster's Nodes tab, the node detail and the node heatmap. */
export class NodesPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly summary: Locator;
  readonly canvas: Locator;
  readonly tooltip: Locator;
  readonly legend: Locator;
  readonly facts: Locator;
  readonly conditions: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('node-table');
    this.rows = this.table.locator('tbody tr');
    this.summary = page.getByTestId('nodes-summary');
    this.canvas = page.getByTestId('heatmap-canvas');
    this.tooltip = page.getByTestId('heatmap-tip');
    this.legend = page.getByTestId('heatmap-legend');
    this.facts = page.getByTestId('node-facts');
    this.conditions = page.getByTestId('node-conditions');
  }

  tab(name: 'Overview' | 'Nodes'): Locator {
    return this.page.getByRole('navigation', { name: 'Cluster views' }).getByText(name, { exact: true });
  }

  row(node: string): Locator {
    return this.table.locator(`tr[data-node="${node}"]`);
  }

  cell(node: string, col: 'cpu' | 'memory' | 'cpu-used' | 'memory-used'): Locator {
    return this.row(node).locator(`td[data-col="${col}"]`);
  }

  /** Node names in table order. */
  async names(): Promise<string[]> {
    return this.rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-node') ?? ''));
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('button', { name: column }).click();
  }

  fact(label: string): Locator {
    return this.facts
      .locator('div')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd');
  }

  /** Hovers the heatmap at a canvas position (CSS pixels) and returns the tooltip's node name. */
  async hoverCell(x: number, y: number): Promise<string> {
    await this.canvas.hover({ position: { x, y } });
    await expect(this.tooltip).toBeVisible();
    return (await this.tooltip.locator('strong').textContent()) ?? '';
  }
}
