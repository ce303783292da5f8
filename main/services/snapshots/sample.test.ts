import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSnapshot } from './reader';
import { findSampleSnapshot, SAMPLE_FILE } from './sample';

/** The sample snapshot in resources/ (scripts/make-sample-snapshot.ts) opens and holds the demo fleet. */
describe('sample snapshot', () => {
  it('is found from the source tree and opens: three demo clusters with scheduled pods', () => {
    const file = findSampleSnapshot();
    expect(file && path.basename(file)).toBe(SAMPLE_FILE);
    const snap = openSnapshot(file!);
    try {
      expect(snap.meta.clusters.map((c) => c.name).sort()).toEqual([
        'aks-prod-eastus',
        'tanzu-kubernetes',
        'tkg-01',
      ]);
      expect(snap.meta.note).toMatch(/differ between runs/);
      const pods = snap.store.page({ kinds: ['Pod'], statuses: ['Running'], limit: 1 });
      expect(pods.total).toBeGreaterThan(50);
      expect(snap.store.count({ kinds: ['Node'] })).toBe(snap.meta.clusters.reduce((n, c) => n + c.nodes, 0));
    } finally {
      snap.close();
    }
  });

  it('is looked for under process.resourcesPath/resources when packaged', () => {
    const here = path.join('/nowhere', 'app.asar', 'dist', 'main');
    const proc = process as { resourcesPath?: string };
    const before = proc.resourcesPath;
    proc.resourcesPath = path.resolve('.');
    try {
      expect(findSampleSnapshot(here)).toBe(path.resolve('resources', SAMPLE_FILE));
    } finally {
      proc.resourcesPath = before;
    }
  });
});
