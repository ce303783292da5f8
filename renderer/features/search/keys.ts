import type { KeyInput } from '../../app/keyboard';

/** Ctrl+K (Cmd+K on macOS) opens fleet-wide search; Shift or Alt make it another shortcut. */
export function isSearchShortcut(input: KeyInput): boolean {
  return (
    (input.key === 'k' || input.key === 'K' || input.code === 'KeyK') &&
    input.ctrlKey !== input.metaKey &&
    !input.altKey &&
    !input.shiftKey
  );
}

/** The result index after a key in the palette's list, or null when the key is not a move. */
export function paletteMove(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'PageDown':
      return Math.min(count - 1, current + 10);
    case 'PageUp':
      return Math.max(0, current - 10);
    default:
      return null;
  }
}

/** Whether a platform string (navigator.platform / userAgent) is macOS (or iOS): Cmd instead of Ctrl. */
export const isMac = (platform: string): boolean => /Mac|iPhone|iPad|iPod/i.test(platform);

/** The shortcut as the button shows it: "⌘K" on macOS, "Ctrl K" elsewhere; and for aria-keyshortcuts. */
export function shortcutLabel(platform: string): { text: string; aria: string } {
  return isMac(platform) ? { text: '⌘K', aria: 'Meta+K' } : { text: 'Ctrl K', aria: 'Control+K' };
}
