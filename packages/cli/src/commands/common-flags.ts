import type { FlagSpec } from '../args/index.js';

export const bootstrapServerFlag = {
  type: 'string',
  value: 'HOST:PORT[,HOST:PORT]',
  help: 'The Kafka broker(s) to connect to. Default: $SLUICE_BOOTSTRAP_SERVER, else 127.0.0.1:9092.',
} as const satisfies FlagSpec;

/** `sluice start` and `sluice server`: names the server answers to besides loopback and IP addresses. */
export const allowedHostsFlag = {
  type: 'string',
  multiple: true,
  value: 'NAME[,NAME]',
  help:
    'Host names the web UI and API answer to besides localhost, IP addresses and --host (requests under any ' +
    'other name are refused, against DNS rebinding); .example.com allows every name under example.com.',
} as const satisfies FlagSpec;

/** The names of every `--allowed-hosts`, commas split. */
export function allowedHostsOf(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export const commandConfigFlag = {
  type: 'string',
  value: 'FILE',
  help:
    'Kafka client properties for a secured cluster (security.protocol, sasl.mechanism, sasl.jaas.config or ' +
    'sasl.username/sasl.password, ssl.truststore.location or ssl.ca.location, …), as in Kafka\'s scripts. Secrets may be ' +
    '${env:NAME}; a missing SASL password is taken from $SLUICE_KAFKA_PASSWORD.',
} as const satisfies FlagSpec;
