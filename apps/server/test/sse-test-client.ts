import { request, type IncomingMessage } from 'node:http';

/** One parsed server-sent event. */
export interface ParsedEvent {
  readonly event: string;
  readonly id?: string;
  readonly data: unknown;
}

/**
 * A minimal EventSource for tests: connects, parses `event`/`id`/`data` blocks as they arrive,
 * and keeps `retry` values and comment lines apart. Test support only.
 */
export class SseTestClient {
  readonly events: ParsedEvent[] = [];
  readonly comments: string[] = [];
  retry: number | undefined;
  private buffer = '';

  private constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.read(chunk));
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<SseTestClient> {
    return new Promise((resolve, reject) => {
      request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => resolve(new SseTestClient(res)))
        .on('error', reject)
        .end();
    });
  }

  named(event: string): ParsedEvent[] {
    return this.events.filter((e) => e.event === event);
  }

  close(): void {
    this.response.destroy();
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
        else if (line.startsWith('retry: ')) this.retry = Number(line.slice(7));
        else if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('id: ')) id = line.slice(4);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length > 0) this.events.push({ event, ...(id !== undefined ? { id } : {}), data: JSON.parse(data.join('\n')) as unknown });
    }
  }
}

/** Timers alive in this process now (to check that closed streams leave none behind). */
export function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
}

export async function until(check: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
