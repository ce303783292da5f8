import { expect, type Locator, type Page } from '@playwright/test';

/** Data sources in the UI: the source bar and banner, capture dialog, open, and the compare page. */
export class SnapshotsPage {
  readonly bar: Locator;
  readonly banner: Locator;
  readonly picker: Locator;
  readonly dialog: Locator;
  readonly progress: Locator;
  readonly capturedPath: Locator;
  readonly totals: Locator;
  readonly summary: Locator;
  readonly changes: Locator;
  readonly objectDiff: Locator;

  constructor(readonly page: Page) {
    this.bar = page.getByTestId('source-bar');
    this.banner = page.getByTestId('source-banner');
    this.picker = page.getByTestId('source-picker');
    this.dialog = page.getByRole('dialog', { name: 'Capture snapshot' });
    this.progress = page.getByTestId('capture-progress');
    this.capturedPath = page.getByTestId('capture-path');
    this.totals = page.getByTestId('diff-totals');
    this.summary = page.getByTestId('diff-summary');
    this.changes = page.getByTestId('diff-changes').getByRole('listitem');
    this.objectDiff = page.getByTestId('diff-object');
  }

  /** Captures from the page's "Capture snapshot…" button and waits for the file; returns its path. */
  async capture(options: { wholeFleet?: boolean; secretValues?: boolean } = {}): Promise<string> {
    await this.page.getByRole('button', { name: 'Capture snapshot…' }).click();
    await expect(this.dialog).toBeVisible();
    if (options.wholeFleet) await this.dialog.getByLabel('The whole fleet').check();
    if (options.secretValues) await this.dialog.getByRole('checkbox', { name: /Secret values/ }).check();
    await this.dialog.getByRole('button', { name: 'Capture', exact: true }).click();
    await expect(this.progress).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
    const path = (await this.capturedPath.textContent()) ?? '';
    expect(path).toMatch(/\.flotilla$/);
    return path;
  }

  /** In the capture dialog after a capture: opens the file written. */
  async openCaptured(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Open it' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.banner).toBeVisible();
  }

  async closeDialog(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Drops a file's bytes on the window as a browser does. */
  async dropFile(name: string, bytes: Buffer): Promise<void> {
    await this.page.evaluate(
      ({ name, base64 }) => {
        const raw = atob(base64);
        const data = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], name));
        const target = document.querySelector('main') ?? document.body;
        const init = { bubbles: true, cancelable: true, dataTransfer: transfer };
        target.dispatchEvent(new DragEvent('dragenter', init));
        target.dispatchEvent(new DragEvent('dragover', init));
        target.dispatchEvent(new DragEvent('drop', init));
      },
      { name, base64: bytes.toString('base64') },
    );
  }

  async backToLive(): Promise<void> {
    await this.bar.getByRole('button', { name: 'Back to live' }).click();
    await expect(this.banner).toBeHidden();
  }

  side(label: 'A (before)' | 'B (after)'): Locator {
    return this.page.getByLabel(label, { exact: true });
  }
}
