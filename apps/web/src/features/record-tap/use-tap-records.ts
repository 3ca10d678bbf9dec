import { TAP_EVENTS, tapDroppedSchema, tapOpenedSchema, tapPath, type TapPlace } from '@sluice/api';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError, useApi, type SluiceApi } from '../../infrastructure/api/index.js';
import * as tapBuffer from './tap-buffer.js';
import { peekedTapRecord, readTapRecord, type TapRecord } from './tap-record.js';
import type { TapTarget } from './tap-target.js';

export type TapStatus = { phase: 'connecting' } | { phase: 'live'; pipelineStatus?: string } | { phase: 'error'; message: string };

const PEEK_EVERY_MS = 2000;
const RETRY_MS = 3000;

/** The records at a tapped place as they arrive, with pause and resume. */
export function useTapRecords(target: TapTarget) {
  const api = useApi();
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
    if (target.kind === 'topic') return peekTopic(api, target.topic, callbacks);
    const place: TapPlace = target.kind === 'node' ? { node: target.nodeId } : { edge: target.edgeId };
    return streamTap(api, target.pipelineId, place, callbacks);
  }, [api, target]);

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
function streamTap(api: SluiceApi, pipelineId: string, place: TapPlace, on: Callbacks): () => void {
  const url = tapPath(pipelineId, place);
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
    es.addEventListener(TAP_EVENTS.opened, (event) => {
      const info = tapOpenedSchema.safeParse(safeJson((event as MessageEvent<string>).data));
      on.status({ phase: 'live', ...(info.success ? { pipelineStatus: info.data.status } : {}) });
    });
    es.addEventListener(TAP_EVENTS.record, (event) => {
      const message = event as MessageEvent<string>;
      const record = readTapRecord(safeJson(message.data), message.lastEventId || undefined);
      if (!record) return;
      pending.push(record);
      frame ||= requestAnimationFrame(flush);
    });
    es.addEventListener(TAP_EVENTS.dropped, (event) => {
      const info = tapDroppedSchema.safeParse(safeJson((event as MessageEvent<string>).data));
      if (info.success) on.dropped(info.data.count);
    });
    es.onerror = () => {
      if (es.readyState !== EventSource.CLOSED || stopped) return;
      // The browser gave up: an HTTP error (unknown node, pipeline deleted) or a refused connection.
      void explain(api, pipelineId, place).then((message) => {
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
async function explain(api: SluiceApi, pipelineId: string, place: TapPlace): Promise<string> {
  try {
    return (await api.tapRefusal(pipelineId, place)) ?? 'The record stream closed; reconnecting…';
  } catch {
    return 'Cannot reach the Sluice server; retrying…';
  }
}

/** Dead letters: the newest records of a topic, read again every two seconds. */
function peekTopic(api: SluiceApi, topic: string, on: Callbacks): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const read = async () => {
    try {
      const messages = await api.peek(topic, { limit: tapBuffer.TAP_CAPACITY });
      if (stopped) return;
      const records = messages.map((m) => peekedTapRecord(topic, m));
      records.sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0));
      on.replace(records);
      on.status({ phase: 'live' });
    } catch (err) {
      if (stopped) return;
      if (err instanceof ApiRequestError && err.status === 404) {
        on.replace([]);
        on.status({ phase: 'live', pipelineStatus: `no topic ${topic} yet: nothing has been dead-lettered` });
      } else if (err instanceof ApiRequestError && err.status !== 0) {
        on.status({ phase: 'error', message: err.message });
      } else {
        on.status({ phase: 'error', message: 'Cannot reach the Sluice server; retrying…' });
      }
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
