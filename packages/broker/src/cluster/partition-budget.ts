import type { BrokerSettings } from '../config/broker-config.js';
import { TopicError } from './topic-registry.js';

/**
 * The partitions one CreateTopics or CreatePartitions request may still create
 * (max.partitions.per.request): topics are counted in request order, and one that would pass the
 * cap is refused with INVALID_PARTITIONS while those before it go ahead.
 */
export class PartitionBudget {
  private used = 0;

  constructor(private readonly settings: BrokerSettings) {}

  take(topic: string, partitions: number): void {
    const cap = this.settings.maxPartitionsPerRequest;
    if (this.used + partitions > cap) {
      throw new TopicError(
        'INVALID_PARTITIONS',
        `Topic '${topic}': ${partitions} new partition(s)${this.used > 0 ? ` after ${this.used} earlier in the request` : ''} ` +
          `pass the broker's max.partitions.per.request (${cap}): create fewer per request, or raise it with --config max.partitions.per.request=N.`,
      );
    }
    this.used += partitions;
  }
}
