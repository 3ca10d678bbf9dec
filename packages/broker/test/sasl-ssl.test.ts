// The broker on SASL_SSL (plus a PLAINTEXT listener), with a CA and certificate made here by
// openssl: kafkajs, kcat and confluent-kafka authenticate with PLAIN and SCRAM; wrong passwords,
// unknown users, untrusted CAs and plaintext clients fail with a clear message.
import { dirname, join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { makeTestCertificates, secureBrokerConfig, type TestCertificates } from '../src/testing/test-certificates.js';
import { PYTHON, run } from './support/run.js';

let certs: TestCertificates;
let broker: BrokerProcess;
let secure: string;

beforeAll(async () => {
  certs = makeTestCertificates('IP:127.0.0.1');
  broker = await startBrokerProcess({
    listeners: ['127.0.0.1:0', 'SASL_SSL://127.0.0.1:0', 'SSL://127.0.0.1:0'],
    config: { ...secureBrokerConfig(certs, { alice: 'alice-secret', bob: 'bob-secret' }, { requireClientCertificates: true }), 'num.partitions': 2 },
  });
  secure = broker.listeners.SASL_SSL!.bootstrap;
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
  certs?.cleanup();
});

const MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
type Mechanism = (typeof MECHANISMS)[number];

function kafkajsClient(sasl: SASLOptions | undefined, ca = certs.caCert, bootstrap = secure): Kafka {
  return new Kafka({
    clientId: 'sasl-test',
    brokers: [bootstrap],
    ssl: { ca: readFileSync(ca, 'utf8') },
    ...(sasl ? { sasl } : {}),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { retries: 0 },
  });
}

const kafkajsSasl = (mechanism: Mechanism, username: string, password: string): SASLOptions =>
  ({ mechanism: mechanism.toLowerCase(), username, password }) as SASLOptions;

const kcatSecurity = (mechanism: Mechanism, user: string, password: string, ca = certs.caCert) => [
  '-b', secure, '-X', 'security.protocol=SASL_SSL', '-X', `sasl.mechanisms=${mechanism}`,
  '-X', `sasl.username=${user}`, '-X', `sasl.password=${password}`, '-X', `ssl.ca.location=${ca}`,
];

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

describe('SASL_SSL listener', () => {
  for (const mechanism of MECHANISMS) {
    it(`kafkajs authenticates with ${mechanism}, produces and consumes`, async () => {
      const kafka = kafkajsClient(kafkajsSasl(mechanism, 'alice', 'alice-secret'));
      const topic = `kafkajs-${mechanism}`;
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
      await producer.disconnect();
      const consumer = kafka.consumer({ groupId: `g-${mechanism}`, maxWaitTimeInMs: 200 });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const values: string[] = [];
      await new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            values.push(message.value!.toString());
            if (values.length === 10) resolve();
          },
        });
      });
      await consumer.disconnect();
      expect(values.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `v${i}`).sort());
    });

    it(`kcat authenticates with ${mechanism}, produces and consumes`, async () => {
      const topic = `kcat-${mechanism}`;
      const produced = await run('kcat', [...kcatSecurity(mechanism, 'bob', 'bob-secret'), '-P', '-t', topic], 'one\ntwo\nthree\n');
      expect(produced.code, produced.stderr).toBe(0);
      const consumed = await run('kcat', [...kcatSecurity(mechanism, 'bob', 'bob-secret'), '-C', '-t', topic, '-o', 'beginning', '-e', '-q']);
      expect(consumed.code, consumed.stderr).toBe(0);
      expect(consumed.stdout.split('\n').filter(Boolean).sort()).toEqual(['one', 'three', 'two']);
    });

    it(`confluent-kafka authenticates with ${mechanism}, produces and consumes in a group`, async () => {
      const script = join(dirname(fileURLToPath(import.meta.url)), 'clients', 'confluent_sasl.py');
      const res = await run(PYTHON, [script, secure, `confluent-${mechanism}`, mechanism, 'alice', 'alice-secret', certs.caCert]);
      expect(res.code, res.stdout + res.stderr).toBe(0);
      const out = JSON.parse(res.stdout) as { acked: number; values: string[] };
      expect(out.values.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `sasl-${i}`).sort());
    });
  }

  for (const mechanism of ['PLAIN', 'SCRAM-SHA-256'] as const) {
    it(`kafka-python authenticates with ${mechanism} (SaslHandshake v0 and bare tokens)`, async () => {
      const script = join(dirname(fileURLToPath(import.meta.url)), 'clients', 'kafka_python_sasl.py');
      const res = await run(PYTHON, [script, secure, `kafka-python-${mechanism}`, mechanism, 'bob', 'bob-secret', certs.caCert]);
      expect(res.code, res.stdout + res.stderr).toBe(0);
      expect((JSON.parse(res.stdout) as { values: string[] }).values).toEqual(Array.from({ length: 10 }, (_, i) => `kp-${i}`).sort());
    });
  }

  it('refuses a wrong password and an unknown user with a message naming the user and mechanism', async () => {
    const wrong = await failureOf(kafkajsClient(kafkajsSasl('SCRAM-SHA-256', 'alice', 'nope')).admin().connect());
    expect(wrong.name).toBe('KafkaJSSASLAuthenticationError');
    expect(wrong.message).toContain('authentication failed for user alice (SASL/SCRAM-SHA-256)');
    const unknown = await failureOf(kafkajsClient(kafkajsSasl('PLAIN', 'mallory', 'x')).admin().connect());
    expect(unknown.message).toContain('authentication failed for user mallory (SASL/PLAIN)');

    const kcat = await run('kcat', [...kcatSecurity('SCRAM-SHA-512', 'alice', 'nope'), '-L', '-m', '5']);
    expect(kcat.code).not.toBe(0);
    expect(kcat.stderr).toContain('authentication failed for user alice (SASL/SCRAM-SHA-512)');
  });

  it('is not trusted by a client that trusts another CA', async () => {
    const err = await failureOf(kafkajsClient(kafkajsSasl('PLAIN', 'alice', 'alice-secret'), certs.otherCaCert).admin().connect());
    expect(err.message).toMatch(/self.signed certificate in certificate chain/);
    const kcat = await run('kcat', [...kcatSecurity('PLAIN', 'alice', 'alice-secret', certs.otherCaCert), '-L', '-m', '5']);
    expect(kcat.code).not.toBe(0);
    expect(kcat.stderr).toMatch(/certificate verify failed/);
  });

  it('drops a plaintext client on the TLS port and says so in its log', async () => {
    const plaintext = new Kafka({ clientId: 'plain', brokers: [secure], logLevel: logLevel.NOTHING, connectionTimeout: 2000, retry: { retries: 0 } });
    await failureOf(plaintext.admin().connect());
    await expect.poll(() => broker.output(), { timeout: 5000 }).toMatch(/a plaintext client on the SASL_SSL listener \(it must use security\.protocol=SASL_SSL\)/);
  });

  it('answers ApiVersions before authentication and closes the connection on any other request, as Kafka does', async () => {
    const socket = tlsConnect({ host: '127.0.0.1', port: broker.listeners.SASL_SSL!.port, ca: readFileSync(certs.caCert) });
    await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    const request = (apiKey: number, correlationId: number) => {
      const clientId = Buffer.from('raw');
      const body = Buffer.alloc(10 + clientId.length);
      body.writeInt16BE(apiKey, 0);
      body.writeInt16BE(0, 2);
      body.writeInt32BE(correlationId, 4);
      body.writeInt16BE(clientId.length, 8);
      clientId.copy(body, 10);
      const extra = apiKey === 3 ? Buffer.alloc(4) : Buffer.alloc(0); // Metadata v0: empty topic array
      const size = Buffer.alloc(4);
      size.writeInt32BE(body.length + extra.length);
      return Buffer.concat([size, body, extra]);
    };
    const received: Buffer[] = [];
    socket.on('data', (d: Buffer) => received.push(d));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(request(18, 1));
    await expect.poll(() => Buffer.concat(received).length, { timeout: 5000 }).toBeGreaterThan(10);
    const answer = Buffer.concat(received);
    expect(answer.readInt32BE(4)).toBe(1); // correlation id
    expect(answer.readInt16BE(8)).toBe(0); // no error
    const keys = Array.from({ length: answer.readInt32BE(10) }, (_, i) => answer.readInt16BE(14 + i * 6));
    expect(keys).toEqual(expect.arrayContaining([17, 36]));
    socket.write(request(3, 2));
    await closed;
    expect(broker.output()).toMatch(/API key 3 from client "raw" before SASL authentication on the SASL_SSL listener/);
  });

  it('serves an SSL listener to clients with a certificate from the trusted CA, and no others', async () => {
    const ssl = broker.listeners.SSL!.bootstrap;
    const withCert = new Kafka({
      clientId: 'mtls',
      brokers: [ssl],
      ssl: { ca: readFileSync(certs.caCert, 'utf8'), cert: readFileSync(certs.clientCert, 'utf8'), key: readFileSync(certs.clientKey, 'utf8') },
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    });
    const admin = withCert.admin();
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.disconnect();
    expect(cluster.brokers.map((b) => `${b.host}:${b.port}`)).toEqual([ssl]);
    const kcat = await run('kcat', ['-b', ssl, '-X', 'security.protocol=SSL', '-X', `ssl.ca.location=${certs.caCert}`, '-L', '-m', '5']);
    expect(kcat.code).not.toBe(0);
    await expect.poll(() => broker.output(), { timeout: 5000 }).toMatch(/TLS handshake with 127\.0\.0\.1:\d+ failed: .*certificate/i);
  });

  it('keeps serving the PLAINTEXT listener without authentication, advertising its own address', async () => {
    const res = await run('kcat', ['-b', broker.listeners.PLAINTEXT!.bootstrap, '-L', '-t', 'kcat-PLAIN']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`broker 1 at ${broker.listeners.PLAINTEXT!.bootstrap}`);
  });
});
