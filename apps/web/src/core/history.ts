/**
 * Undo/redo over immutable snapshots. Every edit records the state before it; edits that arrive
 * in a burst under one key (typing into a field) are recorded once, so undo steps match what a
 * person thinks of as one change.
 */
export interface History<T> {
  past: readonly T[];
  future: readonly T[];
  /** The key and time of the latest recorded edit, to merge bursts. */
  last?: { key: string; at: number };
}

export const HISTORY_LIMIT = 200;
/** Edits under the same key closer together than this form one undo step. */
export const COALESCE_MS = 1000;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/** Records `before` as the state an edit started from. */
export function recordEdit<T>(history: History<T>, before: T, key?: string, now = Date.now()): History<T> {
  if (key !== undefined && history.last?.key === key && now - history.last.at < COALESCE_MS && history.future.length === 0) {
    return { ...history, last: { key, at: now } };
  }
  const past = [...history.past, before];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], last: key === undefined ? undefined : { key, at: now } };
}

export function undo<T>(history: History<T>, present: T): { history: History<T>; present: T } | null {
  if (history.past.length === 0) return null;
  const previous = history.past[history.past.length - 1];
  return {
    history: { past: history.past.slice(0, -1), future: [present, ...history.future] },
    present: previous,
  };
}

export function redo<T>(history: History<T>, present: T): { history: History<T>; present: T } | null {
  if (history.future.length === 0) return null;
  const [next, ...future] = history.future;
  return {
    history: { past: [...history.past, present], future },
    present: next,
  };
}
