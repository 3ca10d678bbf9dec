import { describeValue } from '../describe-value.js';
import type { Processor, ProcessorContext, ProcessorSupplier } from '../processor/index.js';
import type { StreamRecord } from '../record.js';
import type { RecordPredicate } from './filter-processor.js';

/** The output a branch sends records to when no predicate matches. */
export const DEFAULT_BRANCH = 'default';

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
    this.context.forward(record, DEFAULT_BRANCH);
  }

  static supplier<K, V>(branches: readonly BranchPredicate<K, V>[]): ProcessorSupplier<K, V> {
    const names = new Set<string>();
    for (const { name } of branches) {
      if (name === DEFAULT_BRANCH) throw new Error(`branch name "${DEFAULT_BRANCH}" is reserved for unmatched records; pick another name`);
      if (names.has(name)) throw new Error(`branch name "${name}" is used twice; names must be unique`);
      names.add(name);
    }
    return () => new BranchProcessor(branches);
  }
}
