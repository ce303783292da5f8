import { describe, expect, it } from 'vitest';
import { listMoveForKey, moveIndex, sectionForShortcut, type KeyInput } from './keyboard';
import { sections, shortcutDigit } from './sections';

const key = (partial: Partial<KeyInput>): KeyInput => ({
  key: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...partial,
});

describe('sectionForShortcut', () => {
  it.each([
    [key({ key: '1', code: 'Digit1', altKey: true }), 'cluster-groups'],
    [key({ key: '2', code: 'Digit2', altKey: true }), 'clusters'],
    [key({ key: '9', code: 'Digit9', altKey: true }), 'cost'],
    [key({ key: '0', code: 'Digit0', altKey: true }), 'settings'],
    [key({ key: '5', code: 'Digit5', ctrlKey: true }), 'workloads'],
    // AZERTY: the digit row types "&" without Shift; the physical key still counts.
    [key({ key: '&', code: 'Digit1', altKey: true }), 'cluster-groups'],
    // No code (some synthetic events): the key is used.
    [key({ key: '3', altKey: true }), 'workspaces'],
  ])('%o → %s', (input, section) => {
    expect(sectionForShortcut(input)).toBe(section);
  });

  it.each([
    ['a plain digit', key({ key: '1', code: 'Digit1' })],
    ['Alt+Ctrl+digit (AltGr on Windows)', key({ key: '1', code: 'Digit1', altKey: true, ctrlKey: true })],
    ['Alt+Shift+digit', key({ key: '!', code: 'Digit1', altKey: true, shiftKey: true })],
    ['Meta+digit', key({ key: '1', code: 'Digit1', metaKey: true, altKey: true })],
    ['Alt+letter', key({ key: 'c', code: 'KeyC', altKey: true })],
    ['Alt+numpad', key({ key: '1', code: 'Numpad1', altKey: true })],
  ])('ignores %s', (_name, input) => {
    expect(sectionForShortcut(input)).toBeNull();
  });

  it('has a shortcut for each of the ten sections and shows the same digit', () => {
    sections.forEach((section, index) => {
      const digit = shortcutDigit(index);
      expect(sectionForShortcut(key({ key: digit ?? '', code: `Digit${digit}`, altKey: true }))).toBe(
        section.id,
      );
    });
    expect(shortcutDigit(10)).toBeNull();
  });
});

describe('list movement', () => {
  it.each([
    ['ArrowDown', 'next'],
    ['ArrowUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['ArrowLeft', null],
    ['Enter', null],
  ])('%s → %s', (name, move) => {
    expect(listMoveForKey(key({ key: name }))).toBe(move);
  });

  it('ignores arrows with a modifier', () => {
    expect(listMoveForKey(key({ key: 'ArrowDown', altKey: true }))).toBeNull();
  });

  it.each([
    [0, 10, 'next', 1],
    [9, 10, 'next', 0],
    [0, 10, 'previous', 9],
    [4, 10, 'first', 0],
    [4, 10, 'last', 9],
    [0, 0, 'next', -1],
  ] as const)('moveIndex(%i, %i, %s) = %i', (current, count, move, expected) => {
    expect(moveIndex(current, count, move)).toBe(expected);
  });
});
