/**
 * Reads the topic list out of a consumer's subscription (the JoinGroup protocol metadata of
 * protocol type "consumer"). Every version of ConsumerProtocolSubscription starts with
 * int16 version + array of int16-length strings, so reading that prefix works for all of them.
 * Returns null when the bytes do not parse.
 */
export function subscribedTopics(metadata: Buffer): string[] | null {
  try {
    let pos = 2; // version
    const count = metadata.readInt32BE(pos);
    pos += 4;
    if (count < 0 || count > metadata.length) return null;
    const topics: string[] = [];
    for (let i = 0; i < count; i++) {
      const len = metadata.readInt16BE(pos);
      pos += 2;
      if (len < 0 || pos + len > metadata.length) return null;
      topics.push(metadata.toString('utf8', pos, pos + len));
      pos += len;
    }
    return topics;
  } catch {
    return null;
  }
}
