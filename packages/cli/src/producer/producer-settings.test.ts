import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveProducerSettings } from './producer-settings.js';

const props = (o: Record<string, string>) => new Map(Object.entries(o));

describe('resolveProducerSettings', () => {
  it('starts from Kafka console producer defaults', () => {
    const { settings, ignored } = resolveProducerSettings(props({}), { sync: false });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.acks).toBe(-1);
    expect(ignored).toEqual([]);
  });

  it('applies producer properties, and explicit flags win over them', () => {
    const { settings } = resolveProducerSettings(
      props({ acks: '1', 'compression.type': 'gzip', 'linger.ms': '5', 'batch.size': '4096', 'client.id': 'me' }),
      { sync: false, requestRequiredAcks: 'all', batchSize: '50' },
    );
    expect(settings).toMatchObject({
      acks: -1,
      compression: 'gzip',
      lingerMs: 5,
      batchBytes: 4096,
      batchRecords: 50,
      clientId: 'me',
    });
  });

  it('reports properties it cannot apply instead of silently dropping them', () => {
    expect(resolveProducerSettings(props({ 'buffer.memory': '1' }), { sync: false }).ignored).toEqual(['buffer.memory']);
  });

  it('--sync sends one record at a time without lingering', () => {
    const { settings } = resolveProducerSettings(props({}), { sync: true, batchSize: '500' });
    expect(settings.batchRecords).toBe(1);
    expect(settings.lingerMs).toBe(0);
  });

  it('takes every Kafka codec and names bad values', () => {
    for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const) {
      expect(resolveProducerSettings(props({ 'compression.type': codec }), { sync: false }).settings.compression).toBe(codec);
      expect(resolveProducerSettings(props({}), { sync: false, compressionCodec: codec.toUpperCase() }).settings.compression).toBe(codec);
    }
    expect(() => resolveProducerSettings(props({ 'compression.type': 'brotli' }), { sync: false })).toThrow(
      "producer property compression.type must be one of none, gzip, snappy, lz4, zstd, got 'brotli'",
    );
    expect(() => resolveProducerSettings(props({}), { sync: false, requestRequiredAcks: '2' })).toThrow(
      "--request-required-acks must be all, -1, 0 or 1, got '2'",
    );
    expect(() => resolveProducerSettings(props({ 'linger.ms': 'soon' }), { sync: false })).toThrow(/linger.ms/);
  });

  it('idempotence needs acks=all and one request in flight', () => {
    expect(resolveProducerSettings(props({ 'enable.idempotence': 'true' }), { sync: false }).settings).toMatchObject({
      idempotent: true,
      maxInFlightRequests: 1,
    });
    expect(() => resolveProducerSettings(props({ 'enable.idempotence': 'true', acks: '1' }), { sync: false })).toThrow(
      'enable.idempotence=true needs acks=all (-1)',
    );
  });
});
