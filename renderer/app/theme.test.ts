import { describe, expect, it } from 'vitest';
import { resolveTheme } from './theme';

describe('resolveTheme', () => {
  it.each([
    ['system', false, 'light'],
    ['system', true, 'dark'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
  ] as const)('%s with the OS dark=%s → %s', (preference, dark, theme) => {
    expect(resolveTheme(preference, dark)).toBe(theme);
  });
});
