import { describe, expect, it } from 'vitest';
import { isInternalTopic, topicNameProblem } from './topic-name.js';

describe('topicNameProblem', () => {
  it('accepts Kafka-legal names', () => {
    expect(topicNameProblem('raw_weather.topic-1')).toBeUndefined();
  });

  it("explains illegal names in Kafka's words", () => {
    expect(topicNameProblem('')).toBe("Topic name is illegal, it can't be empty");
    expect(topicNameProblem('..')).toBe('Topic name cannot be "." or ".."');
    expect(topicNameProblem('a b')).toBe(
      `Topic name "a b" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`,
    );
    expect(topicNameProblem('x'.repeat(250))).toMatch(/can't be longer than 249 characters/);
  });

  it('knows the internal topics', () => {
    expect(isInternalTopic('__consumer_offsets')).toBe(true);
    expect(isInternalTopic('_consumer_offsets')).toBe(false);
  });
});
