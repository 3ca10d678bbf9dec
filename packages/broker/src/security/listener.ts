import { ConfigError } from '../config/broker-config.js';

/** Kafka's security protocols, which are also the listener names here (one listener per protocol). */
export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];

/** One `--listen` entry: `[PROTOCOL://]host:port`, as in Kafka's `listeners`. */
export interface ListenerSpec {
  protocol: SecurityProtocol;
  host: string;
  port: number;
}

export const usesTls = (p: SecurityProtocol): boolean => p === 'SSL' || p === 'SASL_SSL';
export const usesSasl = (p: SecurityProtocol): boolean => p === 'SASL_PLAINTEXT' || p === 'SASL_SSL';

/** Parses `SASL_SSL://127.0.0.1:9093` or `127.0.0.1:9092` (PLAINTEXT); an empty host means every address. */
export function parseListener(flag: string, text: string): ListenerSpec {
  const m = /^(?:([A-Za-z_]+):\/\/)?(.*):(\d+)$/.exec(text.trim());
  const example = `e.g. 127.0.0.1:9092 or SASL_SSL://127.0.0.1:9093`;
  if (!m || Number(m[3]) > 65535) throw new ConfigError(`${flag} "${text}" must be [PROTOCOL://]HOST:PORT, ${example}`);
  const protocol = (m[1] ?? 'PLAINTEXT').toUpperCase();
  if (!(SECURITY_PROTOCOLS as readonly string[]).includes(protocol)) {
    throw new ConfigError(`${flag} "${text}": unknown security protocol ${m[1]}; use one of ${SECURITY_PROTOCOLS.join(', ')}`);
  }
  const host = m[2].replace(/^\[(.*)\]$/, '$1');
  return { protocol: protocol as SecurityProtocol, host: host || '0.0.0.0', port: Number(m[3]) };
}

/** Several listeners must differ in protocol (the listener name) and, unless 0, in port. */
export function checkListeners(listeners: ListenerSpec[]): void {
  if (listeners.length === 0) throw new ConfigError('at least one --listen address is needed');
  const seen = new Set<string>();
  for (const l of listeners) {
    if (seen.has(l.protocol)) throw new ConfigError(`two --listen addresses use ${l.protocol}; give each protocol one listener`);
    seen.add(l.protocol);
  }
  const ports = listeners.filter((l) => l.port !== 0).map((l) => `${l.host}:${l.port}`);
  const dup = ports.find((p, i) => ports.indexOf(p) !== i);
  if (dup) throw new ConfigError(`two --listen addresses use ${dup}; give each listener its own port`);
}
