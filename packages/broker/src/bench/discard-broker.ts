// A Kafka-protocol endpoint that acknowledges every Produce without storing it: the ceiling of
// what a client can push, so the benchmark can say how close the real broker comes to it.
import { createServer } from 'node:net';
import { decodeRequest, decodeRequestHeader, encodeResponse, type ProduceRequest } from '@sluice/kafka-protocol';
import { FrameReader } from '../network/frame-reader.js';

const PARTITIONS = 3;

const server = createServer((socket) => {
  const frames = new FrameReader(100 * 1024 * 1024);
  socket.on('error', () => {});
  socket.on('data', (data) => {
    for (const frame of frames.push(data)) {
      const h = decodeRequestHeader(frame);
      const body = answer(h.apiKey, h.apiVersion, frame, h.bodyOffset);
      if (body) for (const c of encodeResponse(h.apiKey, h.apiVersion, h.correlationId, body as never)) socket.write(c);
    }
  });
});

let offset = 0n;

function answer(apiKey: number, version: number, frame: Buffer, at: number): unknown {
  if (apiKey === 18) {
    return {
      errorCode: 0,
      throttleTimeMs: 0,
      apiKeys: [
        { apiKey: 0, minVersion: 3, maxVersion: 7 },
        { apiKey: 3, minVersion: 0, maxVersion: 6 },
        { apiKey: 18, minVersion: 0, maxVersion: 3 },
      ],
    };
  }
  if (apiKey === 3) {
    const req = decodeRequest(3, version, frame, at);
    const address = server.address() as { port: number };
    return {
      throttleTimeMs: 0,
      brokers: [{ nodeId: 1, host: '127.0.0.1', port: address.port, rack: null }],
      clusterId: 'discard',
      controllerId: 1,
      topics: (req.topics ?? []).map((t) => ({
        errorCode: 0,
        name: t.name ?? '',
        isInternal: false,
        partitions: Array.from({ length: PARTITIONS }, (_, p) => ({
          errorCode: 0, partitionIndex: p, leaderId: 1, leaderEpoch: 0, replicaNodes: [1], isrNodes: [1], offlineReplicas: [],
        })),
      })),
    };
  }
  if (apiKey === 0) {
    const req: ProduceRequest = decodeRequest(0, version, frame, at);
    if (req.acks === 0) return null;
    return {
      throttleTimeMs: 0,
      responses: req.topicData.map((t) => ({
        name: t.name,
        partitionResponses: t.partitionData.map((p) => ({ index: p.index, errorCode: 0, baseOffset: offset++, logAppendTimeMs: -1n, logStartOffset: 0n })),
      })),
    };
  }
  throw new Error(`discard broker: API ${apiKey} is not served`);
}

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`discard broker listening on 127.0.0.1:${(server.address() as { port: number }).port}\n`);
});
