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
  readonly workspace: Locator;
  readonly namespace: Locator;
  readonly usage: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('workload-rows').locator('[role="row"][data-name]');
    this.count = page.getByTestId('workload-count');
    this.labelSelector = page.getByLabel('Label selector');
    this.nameFilter = page.getByLabel('Name', { exact: true });
    this.logLines = page.getByTestId('log-lines').locator('.wl-log-line');
    this.logState = page.getByTestId('log-state');
    this.logSearch = page.getByRole('searchbox', { name: 'Search' });
    this.workspace = page.getByRole('combobox', { name: 'Workspace', exact: true });
    this.namespace = page.getByRole('combobox', { name: 'Namespace', exact: true });
    this.usage = page.getByTestId('pod-usage');
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

  /** Picks a workspace in the filter by its name (the option also says how many namespaces it has). */
  async filterByWorkspace(name: string): Promise<void> {
    const valueOf = () =>
      this.workspace
        .locator('option')
        .evaluateAll(
          (options, n) =>
            options.find((o) => o.textContent?.startsWith(`${n} (`))?.getAttribute('value') ?? '',
          name,
        );
    await expect.poll(valueOf, { timeout: 15_000 }).not.toBe('');
    await this.workspace.selectOption(await valueOf());
  }

  /** A row of the pod's usage table: a container's name, or 'total'. */
  usageRow(name: string): Locator {
    return this.usage.locator(`tr[data-usage-row="${name}"]`);
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
