import { expect, type Locator, type Page } from '@playwright/test';

/** The YAML editor page (#/workloads/yaml/...): Monaco editor, diff, apply steps, conflict buttons. */
export class YamlEditorPage {
  readonly editor: Locator;
  readonly diff: Locator;
  readonly steps: Locator;
  readonly toolbar: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('yaml-editor');
    this.diff = page.getByTestId('yaml-diff');
    this.steps = page.getByRole('list', { name: 'Apply progress' });
    this.toolbar = page.getByRole('toolbar', { name: 'YAML actions' });
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
    await this.editor.locator('.view-lines').click();
    const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
    await this.page.keyboard.press(`${mod}+Home`);
    await this.page.keyboard.press(`${mod}+f`);
    // Typing selects the first match after the cursor (Enter would move on to the next one).
    await this.page.keyboard.type(`${key} ${oldValue}`);
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('End');
    for (let i = 0; i < oldValue.length; i++) await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(newValue);
    await expect(this.editor.locator('.view-lines')).toContainText(`${key} ${newValue}`);
  }
}
