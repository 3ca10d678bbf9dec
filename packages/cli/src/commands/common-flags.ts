import type { FlagSpec } from '../args/index.js';

export const bootstrapServerFlag = {
  type: 'string',
  value: 'HOST:PORT[,HOST:PORT]',
  help: 'The Kafka broker(s) to connect to. Default: $SLUICE_BOOTSTRAP_SERVER, else 127.0.0.1:9092.',
} as const satisfies FlagSpec;
