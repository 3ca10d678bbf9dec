/**
 * Wakes Fetch requests that wait for data (long polling). A waiter names the partitions it reads;
 * every append to one of them calls it with the bytes appended, so a waiter can count towards its
 * min_bytes without reading the log. Keyed by "topic/partition" so an append costs one lookup.
 */
export class AppendNotifier {
  private readonly waiters = new Map<string, Set<(bytes: number) => void>>();

  /** Calls `wake` on every append to one of `partitions` until the returned function is called. */
  subscribe(partitions: Iterable<[topic: string, partition: number]>, wake: (bytes: number) => void): () => void {
    const keys: string[] = [];
    for (const [t, p] of partitions) {
      const key = `${t}/${p}`;
      keys.push(key);
      let set = this.waiters.get(key);
      if (!set) this.waiters.set(key, (set = new Set()));
      set.add(wake);
    }
    return () => {
      for (const key of keys) {
        const set = this.waiters.get(key);
        if (!set) continue;
        set.delete(wake);
        if (set.size === 0) this.waiters.delete(key);
      }
    };
  }

  appended(topic: string, partition: number, bytes: number): void {
    const set = this.waiters.get(`${topic}/${partition}`);
    if (set) for (const wake of [...set]) wake(bytes);
  }

  /**
   * The topic is gone: every waiter on one of its partitions is woken at once (as Kafka completes a
   * delayed fetch whose partition no longer exists), so the fetch answers UNKNOWN_TOPIC_OR_PARTITION
   * now instead of holding the consumer until max_wait_ms.
   */
  topicDeleted(topic: string): void {
    const prefix = `${topic}/`;
    const woken = new Set<(bytes: number) => void>();
    for (const [key, set] of this.waiters) {
      if (key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length))) for (const wake of set) woken.add(wake);
    }
    for (const wake of woken) wake(Number.POSITIVE_INFINITY);
  }
}
