/**
 * Appends to one partition that wait for asynchronous work (decompression, recompression) still
 * happen in the order their requests arrived: pipelined batches of one producer must not swap
 * places, or their offsets and sequences would be out of order.
 */
const tails = new WeakMap<object, Promise<unknown>>();

export function inPartitionOrder<T>(partition: object, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(partition) ?? Promise.resolve();
  const next = previous.then(work, work);
  tails.set(
    partition,
    next.catch(() => undefined),
  );
  return next;
}
