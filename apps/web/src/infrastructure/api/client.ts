import {
  deployQuery,
  pipelineDeployPath,
  errorBodySchema,
  groupDetailSchema,
  groupListSchema,
  groupPath,
  healthSchema,
  offsetResetSchema,
  peekResultSchema,
  pipelineDetailSchema,
  pipelineListSchema,
  pipelinePath,
  producedRecordSchema,
  topicListSchema,
  topicReadersSchema,
  topicPath,
  topicViewSchema,
  tapPath,
  type ApiIssue,
  type CreateTopicRequest,
  type GroupDetail,
  type GroupSummary,
  type Health,
  type OffsetReset,
  type PeekedMessage,
  type PipelineDetail,
  type PipelineSummary,
  type ProducedRecord,
  type ProduceRecordRequest,
  type ResetOffsetsRequest,
  type TapPlace,
  type TopicReaders,
  type TopicView,
} from '@sluice/api';
import * as z from 'zod';

/** A failed API call: the HTTP status (0 when the server could not be reached), its message and issues. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }
}

export interface SaveOptions {
  /** false saves a draft without running it (`?deploy=false`); true deploys what is saved. */
  deploy: boolean;
}

export interface PeekRequest {
  partition?: number;
  offset?: number;
  limit: number;
}

/** The typed REST client of one server: every call the web makes, each answer parsed by the contract's schema. */
export interface SluiceApi {
  listPipelines(): Promise<PipelineSummary[]>;
  getPipeline(id: string): Promise<PipelineDetail>;
  createPipeline(definition: unknown, options: SaveOptions): Promise<PipelineDetail>;
  updatePipeline(id: string, definition: unknown, options: SaveOptions): Promise<PipelineDetail>;
  stopPipeline(id: string): Promise<PipelineDetail>;
  /** The deploy verb: saves `definition` (strictly validated), then starts the pipeline or redeploys it. */
  deployPipeline(id: string, definition: unknown): Promise<PipelineDetail>;
  deletePipeline(id: string): Promise<void>;
  /** Why the server refuses a tap stream (an unknown node, a stopped pipeline), or null when it would open it. */
  tapRefusal(pipelineId: string, place: TapPlace): Promise<string | null>;
  listTopics(): Promise<TopicView[]>;
  getTopic(name: string): Promise<TopicView>;
  createTopic(request: CreateTopicRequest): Promise<TopicView>;
  /** `force`: delete even while pipelines or groups read it (the server answers 409 naming them otherwise). */
  deleteTopic(name: string, options?: { force?: boolean }): Promise<void>;
  /** Who reads the topic, to warn before deleting it. */
  topicReaders(name: string): Promise<TopicReaders>;
  peek(topic: string, request: PeekRequest): Promise<PeekedMessage[]>;
  produce(topic: string, record: ProduceRecordRequest): Promise<ProducedRecord>;
  listGroups(): Promise<GroupSummary[]>;
  getGroup(id: string): Promise<GroupDetail>;
  resetOffsets(id: string, request: ResetOffsetsRequest): Promise<OffsetReset>;
  deleteGroup(id: string): Promise<void>;
  health(): Promise<Health>;
}

const CANNOT_REACH = 'cannot reach the Sluice server: check that it is running, then try again';

export function createApiClient(baseUrl = '', fetchImpl: typeof fetch = (...args) => fetch(...args)): SluiceApi {
  async function send(method: string, path: string, body: unknown, accept = 'application/json'): Promise<{ response: Response; json: unknown }> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers: body === undefined ? { accept } : { accept, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiRequestError(0, CANNOT_REACH);
    }
    if (response.ok && accept !== 'application/json') return { response, json: undefined };
    const text = await response.text();
    let json: unknown = undefined;
    if (text !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { response, json };
  }

  async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    const { response, json } = await send(method, path, body);
    if (!response.ok) throw errorFrom(response.status, method, path, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiRequestError(response.status, `unexpected answer from ${method} ${path}: ${parsed.error.issues[0]?.message ?? 'unreadable body'}`);
    }
    return parsed.data;
  }
  const none = z.unknown().transform(() => undefined);

  return {
    listPipelines: async () => (await call('GET', '/api/pipelines', pipelineListSchema)).pipelines,
    getPipeline: (id) => call('GET', pipelinePath(id), pipelineDetailSchema),
    createPipeline: (definition, options) => call('POST', `/api/pipelines${deployQuery(options.deploy)}`, pipelineDetailSchema, definition),
    updatePipeline: (id, definition, options) => call('PUT', `${pipelinePath(id)}${deployQuery(options.deploy)}`, pipelineDetailSchema, definition),
    stopPipeline: (id) => call('POST', `${pipelinePath(id)}/stop`, pipelineDetailSchema),
    deployPipeline: (id, definition) => call('POST', pipelineDeployPath(id), pipelineDetailSchema, definition),
    deletePipeline: (id) => call('DELETE', pipelinePath(id), none),
    tapRefusal: async (pipelineId, place) => {
      const path = tapPath(pipelineId, place);
      const { response, json } = await send('GET', path, undefined, 'text/event-stream');
      if (response.ok) {
        await response.body?.cancel();
        return null;
      }
      return errorFrom(response.status, 'GET', path, json).message;
    },
    listTopics: async () => (await call('GET', '/api/topics', topicListSchema)).topics,
    getTopic: (name) => call('GET', topicPath(name), topicViewSchema),
    createTopic: (request) => call('POST', '/api/topics', topicViewSchema, request),
    deleteTopic: (name, options) => call('DELETE', options?.force ? `${topicPath(name)}?force=true` : topicPath(name), none),
    topicReaders: (name) => call('GET', `${topicPath(name)}/readers`, topicReadersSchema),
    peek: async (topic, request) => {
      const query = new URLSearchParams({ limit: String(request.limit) });
      if (request.partition !== undefined) query.set('partition', String(request.partition));
      if (request.offset !== undefined) query.set('offset', String(request.offset));
      return (await call('GET', `${topicPath(topic)}/messages?${query.toString()}`, peekResultSchema)).messages;
    },
    produce: (topic, record) => call('POST', `${topicPath(topic)}/messages`, producedRecordSchema, record),
    listGroups: async () => (await call('GET', '/api/groups', groupListSchema)).groups,
    getGroup: (id) => call('GET', groupPath(id), groupDetailSchema),
    resetOffsets: (id, request) => call('POST', `${groupPath(id)}/reset-offsets`, offsetResetSchema, request),
    deleteGroup: (id) => call('DELETE', groupPath(id), none),
    health: () => call('GET', '/api/health', healthSchema),
  };
}

function errorFrom(status: number, method: string, path: string, json: unknown): ApiRequestError {
  const body = errorBodySchema.safeParse(json);
  const message = body.success ? body.data.error : `${method} ${path} failed with HTTP ${status}`;
  return new ApiRequestError(status, message, body.success ? (body.data.issues ?? []) : []);
}

/** What to show for a failed call. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
