import { sections, type SectionId } from './sections';

/** The fields of a KeyboardEvent the mappings read (kept small so they test without a DOM). */
export interface KeyInput {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * Alt+1…Alt+9 and Alt+0 jump to the ten sections (Ctrl+digit too, where the shell lets the page see it).
 * `code` is read first so layouts whose digit row needs Shift (AZERTY) still work.
 */
export function sectionForShortcut(input: KeyInput): SectionId | null {
  if (input.shiftKey || input.metaKey || input.altKey === input.ctrlKey) return null;
  // With a code, only the digit row counts (Alt+numpad types characters on Windows).
  const digit = input.code
    ? (/^Digit([0-9])$/.exec(input.code)?.[1] ?? null)
    : /^[0-9]$/.test(input.key)
      ? input.key
      : null;
  if (digit === null) return null;
  const index = digit === '0' ? 9 : Number(digit) - 1;
  return sections[index]?.id ?? null;
}

export type ListMove = 'next' | 'previous' | 'first' | 'last';

/** Arrow keys, Home and End inside a vertical list such as the sidebar. */
export function listMoveForKey(input: KeyInput): ListMove | null {
  if (input.altKey || input.ctrlKey || input.metaKey) return null;
  switch (input.key) {
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

/** The index focus lands on after `move` in a list of `count` items, wrapping at both ends. */
export function moveIndex(current: number, count: number, move: ListMove): number {
  if (count <= 0) return -1;
  switch (move) {
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    case 'next':
      return (current + 1) % count;
    case 'previous':
      return (current - 1 + count) % count;
  }
}
