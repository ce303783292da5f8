import fs from 'node:fs';
import path from 'node:path';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

interface DropFile {
  /** Path inside the dropped folder, folder name first ("app/deploy.yaml"). */
  name: string;
  text: string;
}

/** Every file under `dir`, named by its path from the folder's parent. */
export function folderFiles(dir: string): DropFile[] {
  const out: DropFile[] = [];
  const walk = (d: string) => {
    for (const ent of fs
      .readdirSync(d, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, ent.name);
      if (ent.isDirectory()) walk(p);
      else
        out.push({
          name: path.relative(path.dirname(dir), p).split(path.sep).join('/'),
          text: fs.readFileSync(p, 'utf8'),
        });
    }
  };
  walk(dir);
  return out;
}

/** Imported manifests in the UI: dropping files and folders, the import result page, apply and export dialogs. */
export class ManifestsPage {
  readonly result: Locator;
  readonly title: Locator;
  readonly summary: Locator;
  readonly inventory: Locator;
  readonly issues: Locator;
  readonly exportDialog: Locator;

  constructor(readonly page: Page) {
    this.result = page.getByRole('dialog', { name: /^Imported / });
    this.title = this.result.getByRole('heading', { level: 1 });
    this.summary = this.result.locator('.page-description');
    this.inventory = this.result.getByRole('table');
    this.issues = this.result.locator('.fl-import-issue');
    this.exportDialog = page.getByRole('dialog', { name: /^Export / });
  }

  /** Drops plain files on the window (a real DataTransfer of File objects). */
  async dropFiles(files: DropFile[]): Promise<void> {
    await this.page.evaluate((list) => {
      const transfer = new DataTransfer();
      for (const f of list) transfer.items.add(new File([f.text], f.name, { type: 'application/yaml' }));
      const target = document.querySelector('main') ?? document.body;
      const init = { bubbles: true, cancelable: true, dataTransfer: transfer };
      target.dispatchEvent(new DragEvent('dragover', init));
      target.dispatchEvent(new DragEvent('drop', init));
    }, files);
  }

  /**
   * Drops a folder. A page cannot build a DataTransfer holding a real folder, so the folder's item
   * answers webkitGetAsEntry with a directory entry over the given files (the File and
   * FileSystemDirectoryReader shapes Chromium hands to a real folder drop); the rest is the app's own code.
   */
  async dropFolder(dir: string): Promise<void> {
    const files = folderFiles(dir);
    await this.page.evaluate(
      ({ folder, list }) => {
        type Node = { dirs: Map<string, Node>; files: Array<{ name: string; text: string }> };
        const tree: Node = { dirs: new Map(), files: [] };
        for (const f of list) {
          const parts = f.name.split('/').slice(1);
          let node = tree;
          for (const part of parts.slice(0, -1)) {
            if (!node.dirs.has(part)) node.dirs.set(part, { dirs: new Map(), files: [] });
            node = node.dirs.get(part)!;
          }
          node.files.push({ name: parts[parts.length - 1]!, text: f.text });
        }
        const entryOf = (name: string, node: Node): unknown => ({
          name,
          isFile: false,
          isDirectory: true,
          createReader() {
            let done = false;
            return {
              readEntries(ok: (e: unknown[]) => void) {
                if (done) return ok([]);
                done = true;
                ok([
                  ...[...node.dirs].map(([n, child]) => entryOf(n, child)),
                  ...node.files.map((f) => ({
                    name: f.name,
                    isFile: true,
                    isDirectory: false,
                    file: (cb: (file: File) => void) => cb(new File([f.text], f.name)),
                  })),
                ]);
              },
            };
          },
        });
        const root = entryOf(folder, tree);
        const transfer = new DataTransfer();
        transfer.items.add(new File([], folder)); // a dropped folder is listed as an empty File
        const proto = DataTransferItem.prototype as { webkitGetAsEntry(): unknown };
        const original = proto.webkitGetAsEntry;
        proto.webkitGetAsEntry = function (this: DataTransferItem) {
          return this.getAsFile()?.name === folder ? root : original.call(this);
        };
        try {
          const target = document.querySelector('main') ?? document.body;
          const init = { bubbles: true, cancelable: true, dataTransfer: transfer };
          target.dispatchEvent(new DragEvent('dragover', init));
          target.dispatchEvent(new DragEvent('drop', init));
        } finally {
          proto.webkitGetAsEntry = original;
        }
      },
      { folder: path.basename(dir), list: files },
    );
  }

  /** The inventory count of a kind in a namespace column. */
  async count(kind: string, namespace: string): Promise<string> {
    const headers = await this.inventory.locator('thead th').allTextContents();
    const col = headers.indexOf(namespace);
    expect(col, `namespace column ${namespace} in ${headers.join(', ')}`).toBeGreaterThan(0);
    const row = this.inventory
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: kind, exact: true }) });
    return (await row.locator('th, td').nth(col).textContent()) ?? '';
  }

  /** Runs the export dialog with the given layout and returns the download. */
  async exportOne(): Promise<Download> {
    await expect(this.exportDialog).toBeVisible();
    const download = this.page.waitForEvent('download');
    await this.exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
    return download;
  }
}
