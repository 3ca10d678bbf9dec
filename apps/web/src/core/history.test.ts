import { describe, expect, it } from 'vitest';
import { COALESCE_MS, HISTORY_LIMIT, emptyHistory, recordEdit, redo, undo } from './history.js';

describe('history', () => {
  it('undoes and redoes in order, and a new edit drops the redo branch', () => {
    let h = recordEdit(emptyHistory<string>(), 'a');
    h = recordEdit(h, 'b');
    const u1 = undo(h, 'c')!;
    expect(u1.present).toBe('b');
    const u2 = undo(u1.history, u1.present)!;
    expect(u2.present).toBe('a');
    expect(undo(u2.history, u2.present)).toBeNull();
    const r1 = redo(u2.history, u2.present)!;
    expect(r1.present).toBe('b');
    const branched = recordEdit(r1.history, r1.present);
    expect(branched.future).toEqual([]);
    expect(redo(branched, 'x')).toBeNull();
  });

  it('merges a burst of edits under one key into one step', () => {
    let h = recordEdit(emptyHistory<string>(), 'v', 'field', 1000);
    h = recordEdit(h, 'va', 'field', 1000 + COALESCE_MS - 1);
    h = recordEdit(h, 'val', 'other', 1000 + COALESCE_MS);
    h = recordEdit(h, 'valu', 'other', 1000 + 3 * COALESCE_MS);
    expect(h.past).toEqual(['v', 'val', 'valu']);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = recordEdit(h, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(h.past[0]).toBe(5);
  });
});
