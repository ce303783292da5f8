import { expect, type Locator, type Page } from '@playwright/test';

/** The Inspections section: run panel, runs list, a run's result and findings, history, compare. */
export class InspectionsPage {
  readonly runButton: Locator;
  readonly runEnded: Locator;
  readonly runsTable: Locator;
  readonly grade: Locator;
  readonly score: Locator;
  readonly findingsCount: Locator;
  readonly findingRows: Locator;
  readonly trendChart: Locator;
  readonly trendSummary: Locator;
  readonly diffHeadline: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.runButton = page
      .getByRole('region', { name: 'Run inspection' })
      .getByRole('button', { name: 'Run inspection' });
    this.runEnded = page.getByTestId('run-ended');
    this.runsTable = page.getByTestId('runs-table');
    this.grade = page.getByTestId('run-grade');
    this.score = page.getByTestId('run-score');
    this.findingsCount = page.getByTestId('findings-count');
    this.findingRows = page.getByTestId('finding-rows').locator('[role="row"][data-check]');
    this.trendChart = page.getByTestId('trend-chart');
    this.trendSummary = page.getByTestId('trend-summary');
    this.diffHeadline = page.getByTestId('diff-headline');
    this.panel = page.getByTestId('inspection-panel');
  }

  tab(label: string): Locator {
    return this.page.getByRole('navigation', { name: 'Inspections' }).getByRole('link', { name: label });
  }

  scopeSelect(): Locator {
    // a select inside its label is named by the label and its chosen option ("Scope Whole fleet")
    return this.page.getByRole('group', { name: 'Scope' }).getByRole('combobox', { name: /^Scope/ });
  }

  /** Starts a run from the run panel and waits for it to end; returns the line it ended with. */
  async runAndWait(timeout = 90_000): Promise<string> {
    await this.runButton.click();
    await expect(this.runEnded).toBeVisible({ timeout });
    return (await this.runEnded.textContent()) ?? '';
  }

  severityFilter(severity: 'danger' | 'warning' | 'info'): Locator {
    return this.page.getByRole('group', { name: 'Severity' }).getByLabel(severity);
  }

  runRows(): Locator {
    return this.runsTable.locator('tbody tr[data-run]');
  }
}
