import { describe, expect, it } from 'vitest';
import { planConsumer, type ConsumerFlags } from './consumer-plan.js';

const base: ConsumerFlags = { topic: 't', fromBeginning: false };
const plan = (flags: Partial<ConsumerFlags>, props: Record<string, string> = {}) =>
  planConsumer({ ...base, ...flags }, new Map(Object.entries(props)), () => 0.12345);

describe('planConsumer', () => {
  it('without a group reads as a throwaway group that never commits', () => {
    const p = plan({});
    expect(p.groupId).toBe('console-consumer-12345');
    expect(p.commits).toBe(false);
    expect(p.fromBeginning).toBe(false);
    expect(p.readUncommitted).toBe(true);
  });

  it('with --group commits, unless enable.auto.commit=false', () => {
    expect(plan({ group: 'g' })).toMatchObject({ groupId: 'g', commits: true });
    expect(plan({ group: 'g' }, { 'enable.auto.commit': 'false' }).commits).toBe(false);
    expect(plan({}, { 'group.id': 'g2' })).toMatchObject({ groupId: 'g2', commits: true });
  });

  it('reads one partition from an offset', () => {
    expect(plan({ partition: '1', offset: '5' })).toMatchObject({ partition: 1, startOffset: { exact: '5' } });
    expect(plan({ partition: '1' }).startOffset).toBe('latest');
    expect(plan({ partition: '1', fromBeginning: true }).startOffset).toBe('earliest');
    expect(plan({ partition: '0', offset: 'EARLIEST' }).startOffset).toBe('earliest');
  });

  it("applies kafka-console-consumer.sh's rules with its messages", () => {
    expect(() => plan({ offset: '5' })).toThrow('The partition is required when offset is specified.');
    expect(() => plan({ partition: '0', offset: '5', fromBeginning: true })).toThrow(
      'Options from-beginning and offset cannot be specified together.',
    );
    expect(() => plan({ partition: '0', group: 'g' })).toThrow('Options group and partition cannot be specified together.');
    expect(() => plan({ partition: '0', offset: '-3' })).toThrow(
      "The provided offset value '-3' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.",
    );
    expect(() => plan({ group: 'a' }, { 'group.id': 'b' })).toThrow(/Detected group ids: 'a', 'b'/);
    expect(() => plan({ fromBeginning: true }, { 'auto.offset.reset': 'latest' })).toThrow(
      "Can't simultaneously specify --from-beginning and 'auto.offset.reset=latest', please remove one option",
    );
    expect(() => plan({ topic: undefined })).toThrow('exactly one of --topic or --include is required');
    expect(() => plan({ topic: undefined, include: 'x.*', partition: '0' })).toThrow(
      'The topic is required when partition is specified.',
    );
  });

  it('takes numbers and lists unsupported consumer properties', () => {
    const p = plan({ maxMessages: '10', timeoutMs: '2000' }, { 'fetch.min.bytes': '1', 'client.id': 'me' });
    expect(p).toMatchObject({ maxMessages: 10, timeoutMs: 2000, clientId: 'me', ignored: ['fetch.min.bytes'] });
    expect(() => plan({ maxMessages: 'ten' })).toThrow("--max-messages must be a non-negative whole number, got 'ten'");
  });

  it('turns --include into an anchored pattern', () => {
    const topics = plan({ topic: undefined, include: 'raw_.*' }).topics as RegExp;
    expect(topics.test('raw_weather')).toBe(true);
    expect(topics.test('x_raw_weather')).toBe(false);
  });
});
