import { expect, type Locator, type Page } from '@playwright/test';

/** The fleet-wide search palette (Ctrl/Cmd-K). */
export class SearchPalette {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly options: Locator;
  /** The result list; aria-busy while the answer to the current text has not arrived. */
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search the fleet' });
    this.input = this.dialog.getByRole('combobox');
    this.options = this.dialog.getByRole('option');
    this.results = this.dialog.getByRole('listbox', { name: 'Results' });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  /** The search button in the top bar (it shows the shortcut). */
  get button(): Locator {
    return this.page.getByRole('button', { name: /^Search/ });
  }

  async openWithButton(): Promise<void> {
    await this.button.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  /** Types a query again until `target` shows (the object cache fills as clusters sync). */
  async find(text: string, target: Locator, timeout = 60_000): Promise<void> {
    await expect(async () => {
      await this.input.fill('');
      await this.input.fill(text);
      await expect(this.results).toHaveAttribute('aria-busy', 'false', { timeout: 2_000 });
      await expect(target).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout });
  }

  option(kind: string, name: string): Locator {
    return this.dialog.locator(`[role="option"][data-kind="${kind}"][data-name="${name}"]`);
  }

  /** Presses ArrowDown until `target` is the active option (at most `max` times). */
  async moveTo(target: Locator, max = 50): Promise<void> {
    for (let i = 0; i < max; i++) {
      if ((await target.getAttribute('aria-selected')) === 'true') return;
      await this.input.press('ArrowDown');
    }
    await expect(target).toHaveAttribute('aria-selected', 'true');
  }
}
