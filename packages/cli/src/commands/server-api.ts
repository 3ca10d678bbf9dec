import { CommandError } from '../args/index.js';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:3000';
export const SERVER_ENV = 'SLUICE_SERVER';
export const TOKEN_ENV = 'SLUICE_API_TOKEN';

export const serverFlag = {
  type: 'string',
  value: 'URL',
  help: `The Sluice server. Default: $${SERVER_ENV}, else ${DEFAULT_SERVER_URL}. The API token, if the server needs one, is read from $${TOKEN_ENV}.`,
} as const;

/** An issue as the server reports it. */
export interface ApiIssue {
  path: string;
  message: string;
  nodeId?: string;
}

/** The server answered with an error: its message, and the issues of an invalid pipeline. */
export class ServerApiError extends CommandError {
  override name = 'ServerApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }
}

/** The REST API of a Sluice server, for `sluice deploy` and `sluice pipelines`. */
export class ServerApi {
  readonly url: string;
  private readonly token: string | undefined;

  constructor(flag: string | undefined, env: Record<string, string | undefined>) {
    const raw = flag ?? env[SERVER_ENV] ?? DEFAULT_SERVER_URL;
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new CommandError(`--server '${raw}' is not a URL (for example ${DEFAULT_SERVER_URL})`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new CommandError(`--server '${raw}' must be an http:// or https:// URL`);
    this.url = parsed.origin + parsed.pathname.replace(/\/+$/, '');
    this.token = env[TOKEN_ENV] || undefined;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.url + path, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code === 'ECONNREFUSED' ? 'connection refused' : (cause?.message ?? (err as Error).message);
      throw new CommandError(
        `cannot reach the Sluice server at ${this.url} (${why}); start it with 'sluice start' or 'sluice server', or pass --server URL`,
      );
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new CommandError(`${this.url} answered ${res.status} with something that is not JSON; is it a Sluice server?`);
    }
    if (!res.ok) {
      const e = (parsed ?? {}) as { error?: string; issues?: ApiIssue[] };
      const hint = res.status === 401 ? ` (set ${TOKEN_ENV} to the server's API token)` : '';
      throw new ServerApiError(res.status, `${e.error ?? `the server answered ${res.status}`}${hint}`, e.issues ?? []);
    }
    return parsed as T;
  }
}

/** One line per issue, `path: message`, as the validation in @sluice/topology formats them. */
export function formatIssues(issues: readonly ApiIssue[]): string {
  return issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('\n') + '\n';
}
