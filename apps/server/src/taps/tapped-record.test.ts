import { describe, expect, it } from 'vitest';
import { payloadView, tapKey, tappedRecord } from './tapped-record.js';

describe('payloadView', () => {
  it('shows decoded values as JSON or text, and bytes as a peek does', () => {
    expect(payloadView({ t: 41 })).toEqual({ format: 'json', value: { t: 41 } });
    expect(payloadView(7)).toEqual({ format: 'json', value: 7 });
    expect(payloadView('oslo')).toEqual({ format: 'string', value: 'oslo' });
    expect(payloadView(null)).toEqual({ format: 'null', value: null });
    expect(payloadView(Buffer.from('{"a":1}'))).toEqual({ format: 'json', value: { a: 1 } });
    expect(payloadView(Buffer.from('plain'))).toEqual({ format: 'string', value: 'plain' });
    expect(payloadView(new Uint8Array([0xff, 0xfe]))).toEqual({ format: 'bytes', value: '//4=' });
  });
});

describe('tappedRecord', () => {
  it('keeps where the record came from and turns headers into text', () => {
    const view = tappedRecord({ key: Buffer.from('k'), value: { t: 1 }, headers: { a: Buffer.from('x'), b: 'y' }, topic: 'raw', partition: 2, offset: 9, timestamp: 5 });
    expect(view).toEqual({ key: { format: 'string', value: 'k' }, value: { format: 'json', value: { t: 1 } }, headers: { a: 'x', b: 'y' }, topic: 'raw', partition: 2, offset: 9, timestamp: 5 });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('keys places by kind', () => {
    expect(tapKey({ node: 'n' })).toBe('node:n');
    expect(tapKey({ edge: 'n' })).toBe('edge:n');
  });
});
