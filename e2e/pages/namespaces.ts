import { expect, type Locator, type Page } from '@playwright/test';

/** Workspaces and Namespaces sections, and the "New namespace" dialog. */
export class NamespacesPage {
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Namespaces', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'New namespace' });
  }

  /** Starts the demo fleet from the Clusters page and waits for a cluster's link; returns its id. */
  async startDemo(cluster = 'tkg-01'): Promise<string> {
    await this.page.getByRole('button', { name: 'Start demo fleet' }).first().click();
    const link = this.page.getByRole('link', { name: cluster, exact: true }).first();
    await expect(link).toBeVisible({ timeout: 90_000 });
    return decodeURIComponent((await link.getAttribute('href'))!.split('/').pop()!);
  }

  async createWorkspace(name: string, description = ''): Promise<void> {
    await this.page.getByLabel('New workspace name').fill(name);
    await this.page.getByLabel('Description').fill(description);
    await this.page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(this.workspaceRow(name)).toBeVisible();
  }

  workspaceRow(name: string): Locator {
    return this.page.locator(`tr[data-workspace="${name}"]`);
  }

  row(namespace: string, cluster: string, within: Locator = this.page.locator('body')): Locator {
    return within.locator(`tr[data-namespace="${namespace}"][data-cluster="${cluster}"]`);
  }

  /** Picks the option whose text starts with `name` (the option may say "(connecting)"). */
  async selectStartingWith(select: Locator, name: string): Promise<void> {
    const option = select.locator('option').filter({ hasText: new RegExp(`^${name}( \\(|$)`) });
    await expect(option).toHaveCount(1, { timeout: 15_000 });
    await select.selectOption((await option.getAttribute('value'))!);
  }
}
