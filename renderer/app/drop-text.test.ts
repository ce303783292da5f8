import { describe, expect, it } from 'vitest';
import { unhandledDropText } from './drop-text';

describe('unhandledDropText', () => {
  it.each([
    [[], 'The dropped item was not opened: '],
    [['config'], '"config" was not opened: '],
    [['a.yaml', 'b.yaml', 'c.yaml'], '3 files were not opened: '],
  ])('%j', (names, start) => {
    const text = unhandledDropText(names);
    expect(text.startsWith(start)).toBe(true);
    // What would have been taken, and where.
    expect(text).toContain('.flotilla snapshots');
    expect(text).toContain('kubeconfigs on the Clusters and Cluster groups pages');
  });
});
