/** A read or DeleteRecords outside [logStartOffset, logEndOffset]: Kafka's OFFSET_OUT_OF_RANGE. */
export class OffsetOutOfRangeError extends Error {
  override name = 'OffsetOutOfRangeError';
  constructor(
    readonly offset: number,
    readonly logStartOffset: number,
    readonly logEndOffset: number,
    where: string,
  ) {
    super(`offset ${offset} is out of range for ${where}: valid offsets are ${logStartOffset} to ${logEndOffset}`);
  }
}

/** append() was handed bytes that are not complete v2 batches; nothing was written. */
export class InvalidBatchesError extends Error {
  override name = 'InvalidBatchesError';
}

/** The log was used after close() or delete(). */
export class LogClosedError extends Error {
  override name = 'LogClosedError';
}
