import { describe, expect, it } from 'vitest';
import { shortLabels } from './NamespaceTable';

describe('shortLabels', () => {
  it('shows the first label and how many more, leaving out kubernetes.io/metadata.name', () => {
    expect(shortLabels({ 'kubernetes.io/metadata.name': 'shop', owner: 'shop', env: 'dev' })).toBe(
      'owner: shop +1',
    );
    expect(shortLabels({ 'kubernetes.io/metadata.name': 'kube-system' })).toBe('');
    expect(shortLabels({})).toBe('');
    expect(shortLabels({ team: 'a' })).toBe('team: a');
  });
});
