import { describe, expect, it } from 'vitest';
import type { Processor, ProcessorContext } from '../processor/index.js';
import { TopologyTestDriver } from '../testing/index.js';
import { StreamsBuilder } from './streams-builder.js';

const program = () => {
  const b = new StreamsBuilder({ name: 'app' });
  b.stream<string, number>('raw')
    .filter((r) => r.value > 0)
    .mapValues((r) => r.value * 2)
    .to('out');
  return b.build();
};

describe('StreamsBuilder', () => {
  it('gives unnamed nodes deterministic names in call order', () => {
    const names = program().nodes.map((n) => n.name);
    expect(names).toEqual(['source-0', 'filter-1', 'map-2', 'sink-3']);
    expect(program().nodes.map((n) => n.name)).toEqual(names);
  });

  it('runs the example of the brief', () => {
    const b = new StreamsBuilder({ name: 'demo' });
    b.stream('raw', { valueSerde: 'json' })
      .filter((r) => (r.value as { t: number }).t > 40, 'hot')
      .mapValues((r) => ({ ...(r.value as object), hot: true }))
      .to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', [{ value: { t: 41 } }, { value: { t: 1 } }]);
    expect(driver.readOutput('out').map((r) => r.value)).toEqual([{ t: 41, hot: true }]);
  });

  it('cannot be built twice', () => {
    const b = new StreamsBuilder();
    b.stream('x').to('y');
    b.build();
    expect(() => b.build()).toThrow(/already built/);
  });

  it('gives every task a fresh processor from the supplier and closes them', () => {
    const events: string[] = [];
    class Counter implements Processor<string, number, string, number> {
      private context!: ProcessorContext<string, number>;
      private seen = 0;
      init(context: ProcessorContext<string, number>) {
        this.context = context;
        events.push(`init ${context.nodeName} ${context.taskId.topic}[${context.taskId.partition}]`);
      }
      process(record: Parameters<Processor<string, number>['process']>[0]) {
        this.seen++;
        this.context.forward({ ...record, value: this.seen });
      }
      close() {
        events.push(`close after ${this.seen}`);
      }
    }
    const b = new StreamsBuilder({ name: 'app' });
    b.stream<string, number>('raw').process(() => new Counter(), 'count').to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', [{ value: 0, partition: 0 }, { value: 0, partition: 1 }, { value: 0, partition: 0 }]);
    expect(driver.readOutput('out').map((r) => r.value)).toEqual([1, 1, 2]);
    driver.close();
    expect(events).toEqual(['init count raw[0]', 'init count raw[1]', 'close after 2', 'close after 1']);
  });

  it('refuses a forward to an output the node does not have', () => {
    const b = new StreamsBuilder({ name: 'app' });
    b.stream('raw')
      .process(() => {
        let ctx!: ProcessorContext;
        return { init: (c: ProcessorContext) => (ctx = c), process: (r) => ctx.forward(r, 'nowhere') };
      }, 'bad')
      .to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', { value: 1 });
    expect(driver.readOutput('app.dlq')[0]!.headers['sluice.error']).toBe('node "bad" has no output "nowhere"');
  });
});
