import * as z from 'zod';
import { ApiRequestError } from '../../infrastructure/api/index.js';

// Answers of the topic and consumer-group endpoints (apps/server/README.md), parsed once here.

const partitionSchema = z.object({
  partition: z.number(),
  leader: z.number(),
  earliestOffset: z.number(),
  endOffset: z.number(),
  messages: z.number(),
});

export const topicSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  messages: z.number(),
  partitions: z.array(partitionSchema),
});
export type TopicView = z.output<typeof topicSchema>;

const payloadSchema = z.object({ format: z.enum(['json', 'string', 'bytes', 'null']), value: z.unknown() });
export type Payload = z.output<typeof payloadSchema>;

const peekedSchema = z.object({
  partition: z.number(),
  offset: z.number(),
  timestamp: z.number().or(z.string()),
  key: payloadSchema,
  value: payloadSchema,
  headers: z.record(z.string(), z.string()),
});
export type PeekedRecord = z.output<typeof peekedSchema>;
const peekSchema = z.object({ topic: z.string(), messages: z.array(peekedSchema) });

const producedSchema = z.object({ topic: z.string(), partition: z.number(), offset: z.number() });
export type Produced = z.output<typeof producedSchema>;

const groupSummarySchema = z.object({
  groupId: z.string(),
  state: z.string(),
  protocolType: z.string(),
  members: z.number(),
  lag: z.number().nullable(),
  topics: z.array(z.string()),
  pipelineId: z.string().optional(),
});
export type GroupSummary = z.output<typeof groupSummarySchema>;

const groupDetailSchema = z.object({
  groupId: z.string(),
  state: z.string(),
  pipelineId: z.string().optional(),
  members: z.array(z.object({ memberId: z.string(), clientId: z.string(), host: z.string() })),
  partitions: z.array(
    z.object({
      topic: z.string(),
      partition: z.number(),
      currentOffset: z.number().nullable(),
      logEndOffset: z.number().nullable(),
      lag: z.number().nullable(),
      memberId: z.string().optional(),
      clientId: z.string().optional(),
      host: z.string().optional(),
    }),
  ),
  lag: z.number().nullable(),
});
export type GroupDetail = z.output<typeof groupDetailSchema>;

const offsetResetSchema = z.object({
  dryRun: z.boolean(),
  partitions: z.array(z.object({ partition: z.number(), previousOffset: z.number().nullable(), newOffset: z.number() })),
  warnings: z.array(z.string()),
});
export type OffsetReset = z.output<typeof offsetResetSchema>;

export interface CreateTopic {
  name: string;
  partitions?: number;
  replicationFactor?: number;
  config?: Record<string, string>;
}

export interface PeekRequest {
  partition?: number;
  offset?: number;
  limit: number;
}

export interface ProduceRequest {
  key: string | null;
  /** Written as this text; JSON stays byte for byte as typed. */
  value: string;
  headers: Record<string, string>;
  partition?: number;
}

export interface ResetRequest {
  topic: string;
  to: 'earliest' | 'latest' | 'offset' | 'shift';
  value?: number;
  dryRun: boolean;
}

async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, 'cannot reach the Sluice server: check that it is running, then try again');
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as { error?: unknown } | undefined)?.error;
    throw new ApiRequestError(response.status, typeof error === 'string' ? error : `${method} ${path} failed with HTTP ${response.status}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiRequestError(response.status, `unexpected answer from ${method} ${path}: ${parsed.error.issues[0]?.message ?? 'unreadable body'}`);
  return parsed.data;
}

const topicPath = (name: string) => `/api/topics/${encodeURIComponent(name)}`;
const groupPath = (id: string) => `/api/groups/${encodeURIComponent(id)}`;

export const topicBrowserApi = {
  listTopics: async () => (await call('GET', '/api/topics', z.object({ topics: z.array(topicSchema) }))).topics,
  getTopic: (name: string) => call('GET', topicPath(name), topicSchema),
  createTopic: (request: CreateTopic) => call('POST', '/api/topics', topicSchema, request),
  deleteTopic: async (name: string) => {
    await call('DELETE', topicPath(name), z.unknown());
  },
  peek: async (name: string, request: PeekRequest) => {
    const query = new URLSearchParams({ limit: String(request.limit) });
    if (request.partition !== undefined) query.set('partition', String(request.partition));
    if (request.offset !== undefined) query.set('offset', String(request.offset));
    return (await call('GET', `${topicPath(name)}/messages?${query.toString()}`, peekSchema)).messages;
  },
  produce: (name: string, request: ProduceRequest) => call('POST', `${topicPath(name)}/messages`, producedSchema, request),
  listGroups: async () => (await call('GET', '/api/groups', z.object({ groups: z.array(groupSummarySchema) }))).groups,
  getGroup: (id: string) => call('GET', groupPath(id), groupDetailSchema),
  resetOffsets: (id: string, request: ResetRequest) => call('POST', `${groupPath(id)}/reset-offsets`, offsetResetSchema, request),
  deleteGroup: async (id: string) => {
    await call('DELETE', groupPath(id), z.unknown());
  },
};

export function errorText(err: unknown): string {
  return err instanceof ApiRequestError ? err.message : err instanceof Error ? err.message : String(err);
}
