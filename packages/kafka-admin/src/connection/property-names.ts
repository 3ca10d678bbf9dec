// Which Kafka client property names a `--command-config` file may hold. Files made for Kafka's
// scripts, Java clients or librdkafka carry settings Sluice has no use for (acks, timeouts, schema
// registry): those are accepted and have no effect; a name that is none of these is a typo.

/** Properties Sluice reads. */
export const USED_PROPERTIES = [
  'security.protocol',
  'sasl.mechanism',
  'sasl.mechanisms',
  'sasl.jaas.config',
  'sasl.username',
  'sasl.password',
  'ssl.truststore.type',
  'ssl.truststore.location',
  'ssl.truststore.certificates',
  'ssl.ca.location',
  'ssl.ca.pem',
  'ssl.keystore.type',
  'ssl.keystore.location',
  'ssl.keystore.key',
  'ssl.keystore.certificate.chain',
  'ssl.key.password',
  'ssl.certificate.location',
  'ssl.key.location',
  'ssl.certificate.pem',
  'ssl.key.pem',
  'ssl.endpoint.identification.algorithm',
  'enable.ssl.certificate.verification',
] as const;

/** Client properties that are valid Kafka settings but change nothing here. */
const IGNORED_PROPERTIES = new Set([
  'bootstrap.servers',
  'client.id',
  'client.dns.lookup',
  'client.rack',
  'session.timeout.ms',
  'heartbeat.interval.ms',
  'request.timeout.ms',
  'default.api.timeout.ms',
  'socket.connection.setup.timeout.ms',
  'socket.connection.setup.timeout.max.ms',
  'connections.max.idle.ms',
  'metadata.max.age.ms',
  'reconnect.backoff.ms',
  'reconnect.backoff.max.ms',
  'retry.backoff.ms',
  'retries',
  'acks',
  'linger.ms',
  'batch.size',
  'compression.type',
  'enable.idempotence',
  'max.in.flight.requests.per.connection',
  'delivery.timeout.ms',
  'group.id',
  'auto.offset.reset',
  'enable.auto.commit',
  'max.poll.records',
  'max.poll.interval.ms',
  'isolation.level',
  'api.version.request',
  'broker.version.fallback',
  'ssl.protocol',
  'ssl.enabled.protocols',
  'ssl.cipher.suites',
  'ssl.truststore.password',
  'ssl.keystore.password',
  'ssl.keymanager.algorithm',
  'ssl.trustmanager.algorithm',
  'ssl.secure.random.implementation',
  'ssl.engine.factory.class',
]);

/** Prefixes of settings for other tools that Confluent's client.properties files carry. */
const IGNORED_PREFIXES = ['schema.registry.', 'basic.auth.', 'sasl.login.', 'sasl.kerberos.'];

const USED = new Set<string>(USED_PROPERTIES);

export type PropertyKind = 'used' | 'ignored' | 'unknown';

export function propertyKind(name: string): PropertyKind {
  if (USED.has(name)) return 'used';
  if (IGNORED_PROPERTIES.has(name) || IGNORED_PREFIXES.some((p) => name.startsWith(p))) return 'ignored';
  return 'unknown';
}

/** The known name closest to a typo, when it is close enough to be meant. */
export function closestProperty(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const known of [...USED, ...IGNORED_PROPERTIES]) {
    const d = editDistance(name, known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
