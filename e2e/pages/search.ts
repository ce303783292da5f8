import { expect, type Locator, type Page } from '@playwright/test';

/** The fleet-wide search palette (Ctrl/Cmd-K). */
export class SearchPalette {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly options: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search the fleet' });
    this.input = this.dialog.getByRole('combobox');
    this.options = this.dialog.getByRole('option');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
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
