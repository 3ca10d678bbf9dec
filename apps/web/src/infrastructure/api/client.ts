import * as z from 'zod';
import {
  errorBodySchema,
  healthSchema,
  pipelineListSchema,
  pipelineRecordSchema,
  topicListSchema,
  type ApiIssue,
  type Health,
  type PipelineRecord,
  type TopicSummary,
} from './schemas.js';

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
  /** false saves a draft without running it (`?deploy=false`). */
  deploy: boolean;
}

/** The typed REST client the designer uses; one per server. */
export interface SluiceApi {
  listPipelines(): Promise<PipelineRecord[]>;
  getPipeline(id: string): Promise<PipelineRecord>;
  createPipeline(definition: unknown, options: SaveOptions): Promise<PipelineRecord>;
  updatePipeline(id: string, definition: unknown, options: SaveOptions): Promise<PipelineRecord>;
  stopPipeline(id: string): Promise<PipelineRecord>;
  startPipeline(id: string): Promise<PipelineRecord>;
  deletePipeline(id: string): Promise<void>;
  listTopics(): Promise<TopicSummary[]>;
  health(): Promise<Health>;
}

export function createApiClient(baseUrl = '', fetchImpl: typeof fetch = (...args) => fetch(...args)): SluiceApi {
  async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiRequestError(0, 'cannot reach the Sluice server: check that it is running, then try again');
    }
    const text = await response.text();
    let json: unknown = undefined;
    if (text !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (!response.ok) throw errorFrom(response.status, method, path, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiRequestError(response.status, `unexpected answer from ${method} ${path}: ${parsed.error.issues[0]?.message ?? 'unreadable body'}`);
    }
    return parsed.data;
  }

  const saveQuery = (options: SaveOptions) => (options.deploy ? '' : '?deploy=false');
  const at = (id: string) => `/api/pipelines/${encodeURIComponent(id)}`;

  return {
    listPipelines: () => call('GET', '/api/pipelines', pipelineListSchema),
    getPipeline: (id) => call('GET', at(id), pipelineRecordSchema),
    createPipeline: (definition, options) => call('POST', `/api/pipelines${saveQuery(options)}`, pipelineRecordSchema, definition),
    updatePipeline: (id, definition, options) => call('PUT', `${at(id)}${saveQuery(options)}`, pipelineRecordSchema, definition),
    stopPipeline: (id) => call('POST', `${at(id)}/stop`, pipelineRecordSchema),
    startPipeline: (id) => call('POST', `${at(id)}/start`, pipelineRecordSchema),
    deletePipeline: async (id) => {
      await call('DELETE', at(id), z.unknown());
    },
    listTopics: () => call('GET', '/api/topics', topicListSchema),
    health: () => call('GET', '/api/health', healthSchema),
  };
}

function errorFrom(status: number, method: string, path: string, json: unknown): ApiRequestError {
  const body = errorBodySchema.safeParse(json);
  const message = (body.success && (body.data.error ?? body.data.message)) || `${method} ${path} failed with HTTP ${status}`;
  return new ApiRequestError(status, message, body.success ? (body.data.issues ?? []) : []);
}
