import { describe, expect, it } from 'vitest';
import { isSearchShortcut, paletteMove, shortcutLabel } from './keys';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }>,
) => ({
  key: k,
  code: `Key${k.toUpperCase()}`,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('isSearchShortcut', () => {
  it('Ctrl+K and Cmd+K open search', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(key('k', { metaKey: true }))).toBe(true);
  });
  it('plain K, Ctrl+Shift+K, Ctrl+Alt+K and Ctrl+J do not', () => {
    expect(isSearchShortcut(key('k', {}))).toBe(false);
    expect(isSearchShortcut(key('K', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isSearchShortcut(key('j', { ctrlKey: true }))).toBe(false);
  });
});

describe('paletteMove', () => {
  it('arrows wrap, pages clamp, other keys are not moves', () => {
    expect(paletteMove('ArrowDown', 2, 3)).toBe(0);
    expect(paletteMove('ArrowUp', 0, 3)).toBe(2);
    expect(paletteMove('PageDown', 5, 12)).toBe(11);
    expect(paletteMove('PageUp', 5, 12)).toBe(0);
    expect(paletteMove('Enter', 1, 3)).toBeNull();
    expect(paletteMove('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('shortcutLabel', () => {
  it.each([
    ['MacIntel', '⌘K', 'Meta+K'],
    ['iPhone', '⌘K', 'Meta+K'],
    ['Linux x86_64', 'Ctrl K', 'Control+K'],
    ['Win32', 'Ctrl K', 'Control+K'],
    ['', 'Ctrl K', 'Control+K'],
  ])('%s shows %s', (platform, text, aria) => {
    expect(shortcutLabel(platform)).toEqual({ text, aria });
  });
});
