export { committed, createTopic, endOffsets, produce, readTopic, testKafka, type ReadRecord } from '@sluice/broker/testing';

/** Polls until `check` holds; the suite's timeout bounds the wait. */
export async function until(check: () => boolean | Promise<boolean>, what: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
