import { errorBodySchema, type ApiIssue } from '@sluice/api';
import type * as z from 'zod';
import { CommandError } from '../args/index.js';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:3000';
export const SERVER_ENV = 'SLUICE_SERVER';
export const TOKEN_ENV = 'SLUICE_API_TOKEN';

export const serverFlag = {
  type: 'string',
  value: 'URL',
  help: `The Sluice server. Default: $${SERVER_ENV}, else ${DEFAULT_SERVER_URL}. The API token, if the server needs one, is read from $${TOKEN_ENV}.`,
} as const;

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

  /** One call; the answer is checked against the contract's schema for it (@sluice/api). */
  async call<S extends z.ZodType>(method: string, path: string, answer: S, body?: unknown): Promise<z.output<S>> {
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
      const e = errorBodySchema.safeParse(parsed);
      const hint = res.status === 401 ? ` (set ${TOKEN_ENV} to the server's API token)` : '';
      throw new ServerApiError(res.status, `${e.success ? e.data.error : `the server answered ${res.status}`}${hint}`, e.success ? (e.data.issues ?? []) : []);
    }
    const checked = answer.safeParse(parsed);
    if (!checked.success) {
      const first = checked.error.issues[0];
      throw new CommandError(`${this.url} answered ${method} ${path} with an unexpected body (${first ? `${first.path.join('.')}: ${first.message}` : 'unreadable'}); is the server the same version as this command?`);
    }
    return checked.data;
  }
}

/** One line per issue, `path: message`, as the validation in @sluice/topology formats them. */
export function formatIssues(issues: readonly ApiIssue[]): string {
  return issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('\n') + '\n';
}
