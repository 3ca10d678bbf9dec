/** What a node does with a record it cannot handle. */
export type OnError = 'dead-letter' | 'skip' | 'stop';

export const ON_ERROR_MODES: readonly OnError[] = ['dead-letter', 'skip', 'stop'];

/**
 * Thrown when a node with `onError: "stop"` fails: the task stops and the records from the
 * failing one on are left uncommitted, so nothing is lost.
 */
export class PipelineStoppedError extends Error {
  override readonly name = 'PipelineStoppedError';
  constructor(
    readonly nodeName: string,
    readonly reason: string,
    readonly source: { topic: string; partition: number; offset: number },
  ) {
    super(
      `node "${nodeName}" failed on ${source.topic}[${source.partition}] offset ${source.offset}: ${reason} ` +
        `(its onError is "stop"; fix the cause or set onError to "dead-letter" or "skip", then start again)`,
    );
  }
}

/** The message of anything thrown, without a stack. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
