import { CODEC_NAMES, type CodecName } from '@sluice/kafka-protocol';
import kafkajs from 'kafkajs';

export { CODEC_NAMES, type CodecName };

const { CompressionTypes } = kafkajs;

const TYPES: Record<CodecName, kafkajs.CompressionTypes> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};

/** kafkajs's compression type for a codec name. */
export function compressionType(name: CodecName): kafkajs.CompressionTypes {
  return TYPES[name];
}

/** Reads a codec name as Kafka's tools accept it (any case, blank = none). */
export function parseCodecName(value: string, what: string): CodecName {
  const v = value.trim().toLowerCase();
  if (v === '') return 'none';
  if ((CODEC_NAMES as readonly string[]).includes(v)) return v as CodecName;
  throw new Error(`${what} must be one of ${CODEC_NAMES.join(', ')}, got '${value}'`);
}

/** The name of the codec in a record batch's attribute bits (0–4 known, 5–7 unassigned). */
export function codecNameOfAttributes(attributes: number): string {
  const id = attributes & 0x07;
  return CODEC_NAMES[id] ?? `unknown codec ${id}`;
}
