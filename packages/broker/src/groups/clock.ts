/** Time source and timers for the coordinator, injectable so tests can drive session expiry. */
export interface GroupClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/**
 * The process clock. Looks the globals up on every call (rather than capturing them) so that test
 * frameworks' fake timers take effect; timers are unref'd so a coordinator never keeps a process alive.
 */
export const systemClock: GroupClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
