const MAX_NAME_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Kafka's topic-name rules, checked before a request so the user gets Kafka's own wording. */
export function topicNameProblem(name: string): string | undefined {
  if (name.length === 0) return `Topic name is illegal, it can't be empty`;
  if (name === '.' || name === '..') return `Topic name cannot be "." or ".."`;
  if (name.length > MAX_NAME_LENGTH) {
    return `Topic name is illegal, it can't be longer than ${MAX_NAME_LENGTH} characters, topic name: ${name}`;
  }
  if (!LEGAL.test(name)) {
    return `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`;
  }
  return undefined;
}

/** Topics Kafka itself owns; `--exclude-internal` hides them. */
export function isInternalTopic(name: string): boolean {
  return name === '__consumer_offsets' || name === '__transaction_state';
}
