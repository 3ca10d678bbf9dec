import { DEFAULT_BRANCH_OUTPUT } from '@sluice/topology';
import { describeValue } from '../describe-value.js';
import type { NodeLowering, Processor, ProcessorContext, ProcessorSupplier } from '../processor/index.js';
import type { StreamRecord } from '../record.js';
import type { RecordPredicate } from './filter-processor.js';

export interface BranchPredicate<K = unknown, V = unknown> {
  readonly name: string;
  readonly predicate: RecordPredicate<K, V>;
}

/** Routes each record to the output of the first predicate that is true, else to `default`. */
export class BranchProcessor<K, V> implements Processor<K, V> {
  private context!: ProcessorContext<K, V>;

  constructor(private readonly branches: readonly BranchPredicate<K, V>[]) {}

  init(context: ProcessorContext<K, V>): void {
    this.context = context;
  }

  process(record: StreamRecord<K, V>): void {
    for (const branch of this.branches) {
      const matches = branch.predicate(record);
      if (matches === true) return this.context.forward(record, branch.name);
      if (matches !== false) {
        throw new Error(`branch "${branch.name}" returned ${describeValue(matches)}; it must return true or false`);
      }
    }
    this.context.forward(record, DEFAULT_BRANCH_OUTPUT);
  }

  static supplier<K, V>(branches: readonly BranchPredicate<K, V>[]): ProcessorSupplier<K, V> {
    const names = new Set<string>();
    for (const { name } of branches) {
      if (name === DEFAULT_BRANCH_OUTPUT) throw new Error(`branch name "${DEFAULT_BRANCH_OUTPUT}" is reserved for unmatched records; pick another name`);
      if (names.has(name)) throw new Error(`branch name "${name}" is used twice; names must be unique`);
      names.add(name);
    }
    return () => new BranchProcessor(branches);
  }
}

/** A pipeline `branch` node: one output per predicate, in order, plus `default`. */
export const lowerBranch: NodeLowering<'branch'> = (node, at) => {
  const branches = node.config.predicates.map((p, i) => {
    const test = at.expression(p.expression, 'bool', `config.predicates[${i}].expression`);
    return { name: p.name, predicate: (r: StreamRecord) => test.evaluate(r) };
  });
  at.processor(BranchProcessor.supplier(branches) as ProcessorSupplier, [...branches.map((b) => b.name), DEFAULT_BRANCH_OUTPUT]);
};
