import { useCallback, useEffect, useState } from 'react';
import * as tapBuffer from './tap-buffer.js';
import { readTapRecord, type TapRecord } from './tap-record.js';
import { tapUrl, type TapTarget } from './tap-target.js';

export type TapStatus = { phase: 'connecting' } | { phase: 'live'; pipelineStatus?: string } | { phase: 'error'; message: string };

const PEEK_EVERY_MS = 2000;
const RETRY_MS = 3000;

/** The records at a tapped place as they arrive, with pause and resume. */
export function useTapRecords(target: TapTarget) {
  const [buffer, setBuffer] = useState(tapBuffer.emptyTapBuffer);
  const [status, setStatus] = useState<TapStatus>({ phase: 'connecting' });

  useEffect(() => {
    setBuffer(tapBuffer.emptyTapBuffer);
    setStatus({ phase: 'connecting' });
    const callbacks = {
      records: (records: TapRecord[]) => setBuffer((b) => tapBuffer.addRecords(b, records)),
      replace: (records: TapRecord[]) => setBuffer((b) => tapBuffer.replaceRecords(b, records)),
      dropped: (count: number) => setBuffer((b) => tapBuffer.addDropped(b, count)),
      status: setStatus,
    };
    return target.kind === 'topic' ? peekTopic(target.topic, callbacks) : streamTap(tapUrl(target), callbacks);
  }, [target]);

  const pause = useCallback(() => setBuffer(tapBuffer.pause), []);
  const resume = useCallback(() => setBuffer(tapBuffer.resume), []);
  return { buffer, status, pause, resume };
}

interface Callbacks {
  records(records: TapRecord[]): void;
  replace(records: TapRecord[]): void;
  dropped(count: number): void;
  status(status: TapStatus): void;
}

/** GET /api/pipelines/:id/taps as server-sent events; returns the stop. */
function streamTap(url: string, on: Callbacks): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  // Records come at most 20 a second; one state update per animation frame is plenty.
  let pending: TapRecord[] = [];
  let frame = 0;
  const flush = () => {
    frame = 0;
    const batch = pending;
    pending = [];
    on.records(batch);
  };

  const open = () => {
    const es = new EventSource(url);
    source = es;
    es.addEventListener('tap', (event) => {
      const info = safeJson((event as MessageEvent<string>).data) as { status?: unknown } | null;
      on.status({ phase: 'live', ...(typeof info?.status === 'string' ? { pipelineStatus: info.status } : {}) });
    });
    es.addEventListener('record', (event) => {
      const message = event as MessageEvent<string>;
      const record = readTapRecord(safeJson(message.data), message.lastEventId || undefined);
      if (!record) return;
      pending.push(record);
      frame ||= requestAnimationFrame(flush);
    });
    es.addEventListener('dropped', (event) => {
      const info = safeJson((event as MessageEvent<string>).data) as { count?: unknown } | null;
      if (typeof info?.count === 'number') on.dropped(info.count);
    });
    es.onerror = () => {
      if (es.readyState !== EventSource.CLOSED || stopped) return;
      // The browser gave up: an HTTP error (unknown node, pipeline deleted) or a refused connection.
      void explain(url).then((message) => {
        if (stopped) return;
        on.status({ phase: 'error', message });
        retry = setTimeout(open, RETRY_MS);
      });
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    if (frame) cancelAnimationFrame(frame);
    source?.close();
  };
}

/** Why a tap stream was refused, from the server's JSON error. */
async function explain(url: string): Promise<string> {
  const abort = new AbortController();
  try {
    const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
    if (response.ok) return 'The record stream closed; reconnecting…';
    const body = safeJson(await response.text()) as { error?: unknown } | null;
    return typeof body?.error === 'string' ? body.error : `The record stream failed with HTTP ${response.status}.`;
  } catch {
    return 'Cannot reach the Sluice server; retrying…';
  } finally {
    abort.abort();
  }
}

/** Dead letters: the newest records of a topic, read again every two seconds. */
function peekTopic(topic: string, on: Callbacks): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const read = async () => {
    try {
      const response = await fetch(`/api/topics/${encodeURIComponent(topic)}/messages?limit=${tapBuffer.TAP_CAPACITY}`, { headers: { accept: 'application/json' } });
      if (stopped) return;
      if (response.status === 404) {
        on.replace([]);
        on.status({ phase: 'live', pipelineStatus: `no topic ${topic} yet: nothing has been dead-lettered` });
      } else if (!response.ok) {
        const body = safeJson(await response.text()) as { error?: unknown } | null;
        on.status({ phase: 'error', message: typeof body?.error === 'string' ? body.error : `Reading ${topic} failed with HTTP ${response.status}.` });
      } else {
        const body = (await response.json()) as { messages?: unknown[] };
        const records = (body.messages ?? []).map((m) => readTapRecord({ topic, ...(m as object) })).filter((r): r is TapRecord => r !== null);
        records.sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0));
        on.replace(records);
        on.status({ phase: 'live' });
      }
    } catch {
      if (!stopped) on.status({ phase: 'error', message: 'Cannot reach the Sluice server; retrying…' });
    }
    if (!stopped) timer = setTimeout(() => void read(), PEEK_EVERY_MS);
  };
  void read();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
