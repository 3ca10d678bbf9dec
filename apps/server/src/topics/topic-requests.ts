// The topic endpoints' bodies and query are the contract's (@sluice/api).
export {
  createTopicSchema,
  PEEK_LIMIT_MAX,
  peekQuerySchema,
  produceRecordSchema,
  topicNameSchema,
  type PeekQuery,
} from '@sluice/api';
import type * as z from 'zod';
import type { createTopicSchema, produceRecordSchema } from '@sluice/api';

export type CreateTopicRequest = z.output<typeof createTopicSchema>;
export type ProduceRecordRequest = z.output<typeof produceRecordSchema>;
