import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The YAML editor page (#/workloads/yaml/...): Monaco editor, diff, apply steps, conflict buttons,
 * the schema note, schema markers (squiggles and their hover) and the completion list.
 */
export class YamlEditorPage {
  readonly editor: Locator;
  readonly diff: Locator;
  readonly steps: Locator;
  readonly toolbar: Locator;
  readonly schemaNote: Locator;
  /** Monaco's squiggles: schema errors and warnings (schema problems are errors, YAML syntax too). */
  readonly problems: Locator;
  readonly suggestions: Locator;
  readonly hover: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('yaml-editor');
    this.diff = page.getByTestId('yaml-diff');
    this.steps = page.getByRole('list', { name: 'Apply progress' });
    this.toolbar = page.getByRole('toolbar', { name: 'YAML actions' });
    this.schemaNote = page.getByTestId('yaml-schema');
    this.problems = this.editor.locator('.squiggly-error, .squiggly-warning');
    this.suggestions = page.locator('.suggest-widget.visible .monaco-list-row');
    this.hover = page.locator('.monaco-hover:not(.hidden)');
  }

  /** Puts the cursor at the end of the first line containing `text` (Monaco's find widget). */
  async cursorAfter(text: string): Promise<void> {
    // Focus the editor near its top edge, then go to the very top: find looks from the cursor on.
    await this.editor.click({ position: { x: 300, y: 8 } });
    await expect(this.editor.locator('.monaco-editor.focused')).toBeVisible();
    const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
    await this.page.keyboard.press(`${mod}+Home`);
    await expect(this.editor.locator('.line-numbers.active-line-number').first()).toHaveText('1');
    await this.page.keyboard.press(`${mod}+f`);
    await this.page.keyboard.type(text);
    // The first match is selected once find has searched; close find before typing into the text.
    await expect(this.editor.locator('.find-widget .matchesCount')).toHaveText(/^1 of/);
    await this.page.keyboard.press('Escape');
    await expect(this.editor.locator('.find-widget.visible')).toHaveCount(0);
    await this.page.keyboard.press('End');
  }

  /** Opens a new line below the first line containing `text` (same indentation) and types `typed`. */
  async insertLineAfter(text: string, typed: string): Promise<void> {
    await this.cursorAfter(text);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(typed);
  }

  /** Hovers the `n`th squiggle and returns the hover's text. */
  async problemMessage(n = 0): Promise<string> {
    await this.page.mouse.move(0, 0);
    await this.page.keyboard.press('Escape');
    await expect(this.hover).toHaveCount(0);
    await this.problems.nth(n).hover({ force: true });
    await expect(this.hover.first()).toBeVisible();
    return (await this.hover.first().innerText()).trim();
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Waits for Monaco to show the object (its `kind:` line). */
  async loaded(kind: string): Promise<void> {
    await expect(this.editor.locator('.view-lines')).toContainText(`kind: ${kind}`, { timeout: 20_000 });
  }

  /** Replaces the value on the first line containing `key` (found with Monaco's find widget). */
  async setValue(key: string, oldValue: string, newValue: string): Promise<void> {
    // Typing into find selects the first match after the cursor (Enter would move on to the next one).
    await this.cursorAfter(`${key} ${oldValue}`);
    for (let i = 0; i < oldValue.length; i++) await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(newValue);
    await expect(this.editor.locator('.view-lines')).toContainText(`${key} ${newValue}`);
  }
}
