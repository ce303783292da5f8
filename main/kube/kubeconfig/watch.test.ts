import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchKubeconfigFiles, type KubeconfigWatcher } from './watch';
import { tempDir } from './testing/fixtures';

let dir = '';
let cleanup = () => {};
let watcher: KubeconfigWatcher | undefined;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  watcher?.close();
  cleanup();
});

describe('watching kubeconfig files', () => {
  it('reports creation, edits and atomic replacement of a watched file, not of its neighbours', async () => {
    const file = path.join(dir, 'config');
    const seen: string[][] = [];
    watcher = watchKubeconfigFiles([file], (changed) => seen.push(changed), { debounceMs: 50 });

    fs.writeFileSync(path.join(dir, 'unrelated'), 'x');
    fs.writeFileSync(file, 'clusters: []\n'); // created after the watch began
    await vi.waitFor(() => expect(seen).toEqual([[file]]), { timeout: 5000 });

    fs.appendFileSync(file, 'users: []\n');
    await vi.waitFor(() => expect(seen.length).toBe(2), { timeout: 5000 });

    const tmp = path.join(dir, '.config.swp');
    fs.writeFileSync(tmp, 'contexts: []\n');
    fs.renameSync(tmp, file); // how editors save
    await vi.waitFor(() => expect(seen.length).toBe(3), { timeout: 5000 });
    expect(seen.every((c) => c.length === 1 && c[0] === file)).toBe(true);
  });

  it('reports a folder it cannot watch and stops calling back once closed', async () => {
    const errors: Error[] = [];
    const seen: string[][] = [];
    const file = path.join(dir, 'config');
    watcher = watchKubeconfigFiles([path.join(dir, 'missing', 'config'), file], (c) => seen.push(c), {
      debounceMs: 20,
      onError: (e) => errors.push(e),
    });
    expect(errors.length).toBe(1);
    watcher.close();
    fs.writeFileSync(file, 'x');
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([]);
  });
});
