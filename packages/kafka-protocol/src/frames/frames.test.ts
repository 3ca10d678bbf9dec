import { describe, expect, it } from 'vitest';
import { UnsupportedApiError } from '../codec/unsupported-api-error.js';
import { ProtocolDecodeError } from '../primitives/decode-error.js';
import { decodeRequest, decodeRequestHeader, encodeRequest } from './request.js';
import { decodeResponse, encodeResponse, responseHeaderHasTaggedFields } from './response.js';

const hex = (s: string) => s.replace(/\s/g, '');
const wire = (chunks: Buffer[]) => Buffer.concat(chunks).toString('hex');

describe('responses', () => {
  it('encodes ApiVersions v0 with a v0 header and the size prefix', () => {
    const chunks = encodeResponse(18, 0, 7, {
      errorCode: 0,
      apiKeys: [
        { apiKey: 0, minVersion: 0, maxVersion: 7 },
        { apiKey: 18, minVersion: 0, maxVersion: 3 },
      ],
    });
    expect(wire(chunks)).toBe(hex('00000016 00000007 0000 00000002 0000 0000 0007 0012 0000 0003'));
  });

  it('encodes ApiVersions v3 with a flexible body but no tagged fields in the header', () => {
    const chunks = encodeResponse(18, 3, 7, { errorCode: 0, apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 3 }], throttleTimeMs: 0 });
    expect(wire(chunks)).toBe(hex('00000013 00000007 0000 02 0012 0000 0003 00 00000000 00'));
    expect(responseHeaderHasTaggedFields(18, 3)).toBe(false);
  });

  it('gives other flexible responses a header with tagged fields', () => {
    const chunks = encodeResponse(9, 6, 9, { throttleTimeMs: 0, topics: [], errorCode: 0 });
    expect(wire(chunks)).toBe(hex('0000000d 00000009 00 00000000 01 0000 00'));
    expect(responseHeaderHasTaggedFields(9, 6)).toBe(true);
    expect(responseHeaderHasTaggedFields(9, 5)).toBe(false);
  });

  it('hands stored record batches to the socket without copying them', () => {
    const batches = [Buffer.alloc(1000, 1), Buffer.alloc(2000, 2)];
    const chunks = encodeResponse(1, 11, 5, {
      responses: [{ topic: 't', partitions: [{ partitionIndex: 0, errorCode: 0, highWatermark: 10n, abortedTransactions: null, records: batches }] }],
    });
    expect(chunks).toContain(batches[0]);
    expect(chunks).toContain(batches[1]);
    const frame = Buffer.concat(chunks);
    expect(frame.readInt32BE(0)).toBe(frame.length - 4);
    const decoded = decodeResponse(1, 11, frame.subarray(4));
    expect(decoded.correlationId).toBe(5);
    expect(decoded.body.responses[0].partitions[0].records).toEqual(Buffer.concat(batches));
    expect(decoded.body.responses[0].partitions[0].preferredReadReplica).toBe(-1);
  });

  it('decodes what it encodes, header included', () => {
    const frame = Buffer.concat(encodeResponse(22, 4, 42, { throttleTimeMs: 0, errorCode: 0, producerId: 7n, producerEpoch: 1 }));
    expect(decodeResponse(22, 4, frame.subarray(4))).toEqual({
      correlationId: 42,
      body: { throttleTimeMs: 0, errorCode: 0, producerId: 7n, producerEpoch: 1 },
    });
  });

  it('refuses undeclared APIs and versions', () => {
    expect(() => encodeResponse(18, 4, 1, {} as never)).toThrow(UnsupportedApiError);
    expect(() => encodeResponse(999, 0, 1, {})).toThrow(/unsupported API key 999 version 0/);
  });
});

describe('requests', () => {
  it('writes header v1 with a null client id', () => {
    expect(wire(encodeRequest(3, 0, 1, null, { topics: [] }))).toBe(hex('0000000e 0003 0000 00000001 ffff 00000000'));
  });

  it('writes header v2 for flexible versions, keeping the int16 client id length', () => {
    const frame = encodeRequest(18, 3, 1, 'x', { clientSoftwareName: 'a', clientSoftwareVersion: 'b' });
    expect(wire(frame)).toBe(hex('00000011 0012 0003 00000001 0001 78 00 02 61 02 62 00'));
  });

  it('reads the header of a request for any API key, known or not', () => {
    const frame = Buffer.from(hex('03e7 0001 0000002a 0003 616263 0102'), 'hex');
    expect(decodeRequestHeader(frame)).toEqual({ apiKey: 999, apiVersion: 1, correlationId: 42, clientId: 'abc', bodyOffset: 13 });
  });

  it('reads the header of an ApiVersions request newer than declared as flexible', () => {
    const frame = Buffer.from(hex('0012 0004 00000001 0001 78 00 02 61 02 62 00'), 'hex');
    expect(decodeRequestHeader(frame).bodyOffset).toBe(12);
    expect(() => decodeRequest(18, 4, frame, 12)).toThrow(UnsupportedApiError);
  });

  it('decodes the body from the header offset', () => {
    const frame = Buffer.concat(encodeRequest(12, 3, 5, 'c', { groupId: 'g', generationId: 3, memberId: 'm', groupInstanceId: null })).subarray(4);
    const header = decodeRequestHeader(frame);
    expect(decodeRequest(12, 3, frame, header.bodyOffset)).toEqual({ groupId: 'g', generationId: 3, memberId: 'm', groupInstanceId: null });
  });

  it('reports the API key and version it cannot decode', () => {
    try {
      decodeRequest(3, 7, Buffer.alloc(0), 0);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UnsupportedApiError);
      expect(err).toMatchObject({ apiKey: 3, apiVersion: 7 });
      expect((err as Error).message).toMatch(/Metadata supports versions 0-6/);
    }
  });

  it('rejects a truncated header', () => {
    expect(() => decodeRequestHeader(Buffer.from(hex('0003 0000 0000'), 'hex'))).toThrow(ProtocolDecodeError);
    expect(() => decodeRequestHeader(Buffer.from(hex('0003 0000 00000001 0005 61'), 'hex'))).toThrow(ProtocolDecodeError);
  });
});
