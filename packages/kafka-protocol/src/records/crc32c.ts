import { crc32c as nativeCrc32c } from '@node-rs/crc32';

/**
 * CRC-32C (Castagnoli), the checksum of record batch v2. Native (SIMD) because every produced batch
 * and every batch seen during log recovery is checked: a table-driven JS loop would cost ~10x more.
 * `initialState` continues a running checksum over data fed in pieces.
 */
export function crc32c(data: Uint8Array, initialState = 0): number {
  return nativeCrc32c(data, initialState) >>> 0;
}
