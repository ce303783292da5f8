import type { Locator, Page } from '@playwright/test';

/** Settings: the theme choice and the facts about this installation. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  themeOption(label: 'System' | 'Light' | 'Dark'): Locator {
    return this.page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: label });
  }

  async chooseTheme(label: 'System' | 'Light' | 'Dark'): Promise<void> {
    await this.themeOption(label).check();
  }

  fact(id: 'version' | 'shell' | 'data-dir' | 'schema' | 'platform'): Locator {
    return this.page.getByTestId(`about-${id}`);
  }
}
