import type { Admin } from 'kafkajs';
import { ConflictError, InvalidRequestError, NotFoundError } from '../errors.js';
import { protocolErrorType, rootMessage } from '../kafka/kafka-errors.js';
import type { KafkaConnection } from '../kafka/kafka-connection.js';
import { peekMessages, type PeekResult } from './message-peek.js';
import { encodeValue } from './record-payload.js';
import type { CreateTopicRequest, PeekQuery, ProduceRecordRequest } from './topic-requests.js';
import type { PartitionView, ProducedRecord, TopicView } from '@sluice/api';
import { describeReaders, hasReaders, topicReaders, type ReaderSources, type TopicReaders } from './topic-readers.js';

export type { PartitionView, ProducedRecord, TopicView } from '@sluice/api';

/** Topic admin, peek and test records for the REST API, on the server's shared clients. */
export class TopicService {
  constructor(
    private readonly connection: KafkaConnection,
    private readonly readerSources: ReaderSources = { pipelinesReading: () => [], groupsReading: async () => [] },
  ) {}

  /** Pipelines and consumer groups that read the topic. */
  async readers(name: string): Promise<TopicReaders> {
    await this.connection.withAdmin((admin) => mustExist(admin, name));
    return topicReaders(name, this.readerSources);
  }

  async list(): Promise<TopicView[]> {
    return this.connection.withAdmin(async (admin) => {
      const { topics } = await admin.fetchTopicMetadata();
      const views = await Promise.all(topics.map((t) => describe(admin, t.name, t.partitions)));
      return views.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    });
  }

  async get(name: string): Promise<TopicView> {
    return this.connection.withAdmin(async (admin) => {
      await mustExist(admin, name);
      const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
      return describe(admin, name, topics[0]!.partitions);
    });
  }

  async create(request: CreateTopicRequest): Promise<TopicView> {
    try {
      return await this.createOnce(request);
    } catch (err) {
      // A topic deleted by another client failed the admin's metadata refresh before anything was
      // created; the connection has a fresh admin now, so one more try is safe.
      if (protocolErrorType(err) !== 'UNKNOWN_TOPIC_OR_PARTITION') throw err;
      return this.createOnce(request);
    }
  }

  private async createOnce(request: CreateTopicRequest): Promise<TopicView> {
    return this.connection.withAdmin(async (admin) => {
      const configEntries = Object.entries(request.config ?? {}).map(([name, value]) => ({ name, value: String(value) }));
      let created: boolean;
      try {
        created = await admin.createTopics({
          topics: [
            {
              topic: request.name,
              numPartitions: request.partitions ?? -1,
              replicationFactor: request.replicationFactor ?? -1,
              configEntries,
            },
          ],
          waitForLeaders: true,
        });
      } catch (err) {
        const type = protocolErrorType(err);
        if (type === 'TOPIC_ALREADY_EXISTS') throw topicExists(request.name);
        if (type === 'UNKNOWN_TOPIC_OR_PARTITION') throw err;
        if (type !== undefined) throw new InvalidRequestError(`cannot create topic "${request.name}": ${rootMessage(err)}`);
        throw err;
      }
      if (!created) throw topicExists(request.name);
      const { topics } = await admin.fetchTopicMetadata({ topics: [request.name] });
      return describe(admin, request.name, topics[0]!.partitions);
    });
  }

  /**
   * Deletes the topic. While pipelines or consumer groups read it, only with `force`: otherwise a
   * 409 names them, so nobody's reader goes quiet by surprise.
   */
  async delete(name: string, { force }: { force: boolean }): Promise<void> {
    await this.connection.withAdmin((admin) => mustExist(admin, name));
    if (!force) {
      const readers = await topicReaders(name, this.readerSources);
      if (hasReaders(readers)) {
        throw new ConflictError(
          `topic "${name}" is read by ${describeReaders(readers)}; deleting it stops them reading it. ` +
            'Repeat with ?force=true to delete it anyway.',
        );
      }
    }
    await this.connection.withAdmin((admin) => admin.deleteTopics({ topics: [name] }));
  }

  async peek(name: string, query: PeekQuery): Promise<PeekResult> {
    const offsets = await this.connection.withAdmin(async (admin) => {
      await mustExist(admin, name);
      return admin.fetchTopicOffsets(name);
    });
    const partitions = offsets
      .map((o) => ({ partition: o.partition, earliestOffset: Number(o.low), endOffset: Number(o.high) }))
      .sort((a, b) => a.partition - b.partition);
    if (query.partition !== undefined && !partitions.some((p) => p.partition === query.partition)) {
      throw new NotFoundError(`topic "${name}" has no partition ${query.partition} (it has ${partitions.length})`);
    }
    return this.connection.track(() => peekMessages(this.connection.kafka, name, partitions, query));
  }

  async produce(name: string, record: ProduceRecordRequest): Promise<ProducedRecord> {
    const partitionCount = await this.connection.withAdmin(async (admin) => {
      await mustExist(admin, name);
      const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
      return topics[0]!.partitions.length;
    });
    if (record.partition !== undefined && record.partition >= partitionCount) {
      throw new InvalidRequestError(`topic "${name}" has partitions 0 to ${partitionCount - 1}; partition ${record.partition} does not exist`);
    }
    const [meta] = await this.connection.withProducer((producer) =>
      producer.send({
        topic: name,
        acks: -1,
        messages: [
          {
            key: record.key ?? null,
            value: encodeValue(record.value),
            ...(record.headers ? { headers: record.headers } : {}),
            ...(record.partition !== undefined ? { partition: record.partition } : {}),
          },
        ],
      }),
    );
    return { topic: name, partition: meta!.partition, offset: Number(meta!.baseOffset) };
  }
}

function topicExists(name: string): ConflictError {
  return new ConflictError(`topic "${name}" already exists`);
}

/** Asking kafkajs about a missing topic retries for seconds; the topic list answers at once. */
async function mustExist(admin: Admin, name: string): Promise<void> {
  const names = await admin.listTopics();
  if (!names.includes(name)) throw new NotFoundError(`topic "${name}" does not exist; create it with POST /api/topics`);
}

async function describe(admin: Admin, name: string, partitions: readonly { partitionId: number; leader: number }[]): Promise<TopicView> {
  const offsets = await admin.fetchTopicOffsets(name);
  const byPartition = new Map(offsets.map((o) => [o.partition, o]));
  const views = partitions
    .map((p): PartitionView => {
      const o = byPartition.get(p.partitionId);
      const earliestOffset = o ? Number(o.low) : 0;
      const endOffset = o ? Number(o.high) : 0;
      return { partition: p.partitionId, leader: p.leader, earliestOffset, endOffset, messages: Math.max(0, endOffset - earliestOffset) };
    })
    .sort((a, b) => a.partition - b.partition);
  return { name, internal: name.startsWith('__'), partitions: views, messages: views.reduce((sum, p) => sum + p.messages, 0) };
}
