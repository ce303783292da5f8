import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { createSourceWatcher } from './watch-sources';

describe('kubeconfig source watcher', () => {
  it('reports a watched file being created and changed, once per burst, and ignores its neighbours', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-'));
    const file = path.join(dir, 'config');
    const calls: string[][] = [];
    const watcher = createSourceWatcher((files) => calls.push(files), createLogger({ quiet: true }), 100);
    watcher.watch([file]);
    fs.writeFileSync(path.join(dir, 'other'), 'x');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toEqual([]);
    fs.writeFileSync(file, 'a');
    fs.appendFileSync(file, 'b');
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toEqual([[file]]);
    watcher.close();
    fs.appendFileSync(file, 'c');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toHaveLength(1);
  });
});
