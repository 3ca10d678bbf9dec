/**
 * Delays between restarts of a crashing pipeline: 1 s, 2 s, 4 s … capped (30 s by default). A
 * worker that ran for at least the cap before it crashed starts again from the first delay.
 */
export class RestartBackoff {
  private attempt = 0;

  constructor(
    readonly firstMs = 1_000,
    readonly capMs = 30_000,
  ) {}

  /** The delay before the next restart, given how long the last run lasted. */
  next(ranForMs: number): number {
    if (ranForMs >= this.capMs) this.attempt = 0;
    const delay = Math.min(this.capMs, this.firstMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return delay;
  }

  reset(): void {
    this.attempt = 0;
  }
}
