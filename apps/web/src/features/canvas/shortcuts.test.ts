import { describe, expect, it } from 'vitest';
import { shortcutOf } from './use-canvas-shortcuts.js';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutOf', () => {
  it('maps Ctrl shortcuts on Linux and Windows, Cmd on macOS', () => {
    expect(shortcutOf(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(shortcutOf(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(shortcutOf(key('y', { ctrlKey: true }), false)).toBe('redo');
    expect(shortcutOf(key('z', { metaKey: true }), true)).toBe('undo');
    expect(shortcutOf(key('z', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutOf(key('c', { ctrlKey: true }), false)).toBe('copy');
    expect(shortcutOf(key('v', { ctrlKey: true }), false)).toBe('paste');
    expect(shortcutOf(key('d', { ctrlKey: true }), false)).toBe('duplicate');
  });

  it('maps plain keys only without modifiers', () => {
    expect(shortcutOf(key('Delete'))).toBe('delete');
    expect(shortcutOf(key('Backspace'))).toBe('delete');
    expect(shortcutOf(key('l'))).toBe('layout');
    expect(shortcutOf(key('f'))).toBe('fit');
    expect(shortcutOf(key('?', { shiftKey: true }))).toBe('help');
    expect(shortcutOf(key('l', { altKey: true }))).toBeNull();
    expect(shortcutOf(key('q'))).toBeNull();
  });
});
