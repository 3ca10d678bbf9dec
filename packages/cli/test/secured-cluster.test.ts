// Every `sluice` command that talks to Kafka, over SASL_SSL with `--command-config`: the broker
// process serves a CA-signed certificate made here by openssl and SCRAM/PLAIN users.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestCertificates, readTopic, secureBrokerConfig, startBrokerProcess, type BrokerProcess, type TestCertificates } from '@sluice/broker/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaClient } from './kafka-client.js';
import { eventually, killStragglers, runSluice, spawnSluice } from './sluice-process.js';

const PASSWORD = 'alice-Secret-42';
let certs: TestCertificates;
let broker: BrokerProcess;
let secure: string;
let dir: string;
/** SCRAM-SHA-512 in Java's JAAS form; the password comes from $SLUICE_KAFKA_PASSWORD. */
let scramConfig: string;
/** PLAIN in librdkafka's form; the password from ${env:ALICE_PASSWORD}. */
let plainConfig: string;
const env = { SLUICE_KAFKA_PASSWORD: PASSWORD, ALICE_PASSWORD: PASSWORD };

beforeAll(async () => {
  certs = makeTestCertificates('IP:127.0.0.1');
  broker = await startBrokerProcess({
    listeners: ['127.0.0.1:0', 'SASL_SSL://127.0.0.1:0', 'SSL://127.0.0.1:0'],
    config: secureBrokerConfig(certs, { alice: PASSWORD }, { requireClientCertificates: true }),
  });
  secure = broker.listeners.SASL_SSL!.bootstrap;
  dir = mkdtempSync(join(tmpdir(), 'sluice-secured-'));
  scramConfig = join(dir, 'scram.properties');
  writeFileSync(
    scramConfig,
    [
      'security.protocol=SASL_SSL',
      'sasl.mechanism=SCRAM-SHA-512',
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\',
      '    username="alice";',
      'ssl.truststore.type=PEM',
      `ssl.truststore.location=${certs.caCert}`,
    ].join('\n'),
  );
  plainConfig = join(dir, 'plain.properties');
  writeFileSync(
    plainConfig,
    ['security.protocol=SASL_SSL', 'sasl.mechanisms=PLAIN', 'sasl.username=alice', 'sasl.password=${env:ALICE_PASSWORD}', `ssl.ca.location=${certs.caCert}`].join('\n'),
  );
}, 60_000);

afterAll(async () => {
  await killStragglers();
  await broker?.stop();
  broker?.cleanup();
  certs?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const sluice = (args: string[], config = scramConfig, extraEnv: Record<string, string> = {}) =>
  runSluice([...args, '--bootstrap-server', secure, '--command-config', config], { env: { ...env, ...extraEnv } });

function pipelineFile(name: string, source: string, sink: string): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      schemaVersion: 1,
      name,
      nodes: [
        { id: 'in', type: 'source', position: { x: 0, y: 0 }, config: { topic: source, format: 'json', startFrom: 'earliest' } },
        { id: 'hot', type: 'filter', position: { x: 200, y: 0 }, config: { expression: 'value.t > 40.0' } },
        { id: 'out', type: 'sink', position: { x: 400, y: 0 }, config: { topic: sink, format: 'json' } },
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'hot' },
        { id: 'e2', source: 'hot', target: 'out' },
      ],
    }),
  );
  return path;
}

/** Produces readings through the CLI over SASL_SSL: every third one is hot. */
async function produceReadings(topic: string, count: number, from = 0): Promise<void> {
  const lines = Array.from({ length: count }, (_, i) => `s${i % 4}:${JSON.stringify({ i: from + i, t: (from + i) % 3 === 0 ? 45 : 20 })}`);
  const produced = await runSluice(
    ['console-producer', '--topic', topic, '--property', 'parse.key=true', '--property', 'key.separator=:', '--bootstrap-server', secure, '--producer.config', plainConfig],
    { env, stdin: `${lines.join('\n')}\n` },
  );
  expect(produced.code, produced.stderr).toBe(0);
}

/** How many records a topic holds, read on the broker's plaintext listener (independent of the CLI). */
// Counted by reading (read_committed): under exactly_once_v2 transaction markers take offsets too.
async function recordsIn(topic: string): Promise<number> {
  const kafka = kafkaClient(broker.listeners.PLAINTEXT!.bootstrap);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const exists = (await admin.listTopics()).includes(topic);
    return exists ? (await readTopic(kafka, admin, topic)).length : 0;
  } finally {
    await admin.disconnect();
  }
}

describe('sluice over SASL_SSL with --command-config', { timeout: 90_000 }, () => {
  it('sluice topics creates, lists and describes, and never prints the password', async () => {
    const created = await sluice(['topics', '--create', '--topic', 'secured', '--partitions', '3']);
    expect(created.code, created.stderr).toBe(0);
    const listed = await sluice(['topics', '--list']);
    expect(listed.stdout.split('\n')).toContain('secured');
    const described = await sluice(['topics', '--describe', '--topic', 'secured'], plainConfig);
    expect(described.code, described.stderr).toBe(0);
    expect(described.stdout).toMatch(/PartitionCount: 3/);
    for (const r of [created, listed, described]) expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });

  it('console producer, console consumer and consumer-groups work over SASL_SSL', async () => {
    await produceReadings('secured-console', 12);
    const consumed = await sluice(['console-consumer', '--topic', 'secured-console', '--from-beginning', '--group', 'secured-readers', '--max-messages', '12', '--property', 'print.key=true']);
    expect(consumed.code, consumed.stderr).toBe(0);
    expect(consumed.stdout.trim().split('\n')).toHaveLength(12);
    expect(consumed.stdout).toMatch(/^s0\t\{"i":0,"t":45\}$/m);
    const groups = await sluice(['consumer-groups', '--describe', '--group', 'secured-readers']);
    expect(groups.code, groups.stderr).toBe(0);
    expect(groups.stdout).toMatch(/secured-readers\s+secured-console/);
    const list = await sluice(['consumer-groups', '--list']);
    expect(list.stdout.split('\n')).toContain('secured-readers');
  });

  it('says in one line when the password is wrong, a property is unknown, TLS is missing or the host is not in the certificate', async () => {
    const wrong = await sluice(['topics', '--list'], scramConfig, { SLUICE_KAFKA_PASSWORD: 'not-it' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('Error: authentication failed for user alice (SASL/SCRAM-SHA-512): check the user name and password\n');
    expect(wrong.stderr).not.toContain('not-it');

    const strangerFile = join(dir, 'stranger.properties');
    writeFileSync(strangerFile, `security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.username=mallory\nssl.ca.location=${certs.caCert}\n`);
    const stranger = await sluice(['topics', '--list'], strangerFile);
    expect(stranger.stderr).toBe('Error: authentication failed for user mallory (SASL/PLAIN): check the user name and password\n');

    const otherCa = join(dir, 'other-ca.properties');
    writeFileSync(otherCa, readFileSync(scramConfig, 'utf8').replace(certs.caCert, certs.otherCaCert));
    const untrusted = await sluice(['console-consumer', '--topic', 'secured', '--max-messages', '1'], otherCa);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(
      /^Error: TLS: the certificate of the broker at 127\.0\.0\.1:\d+ is not trusted \(self-signed certificate in certificate chain\); point ssl\.truststore\.location \(or ssl\.ca\.location\) at the CA that signed it\n$/,
    );

    const typo = join(dir, 'typo.properties');
    writeFileSync(typo, 'security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.usrename=alice\n');
    const unknown = await sluice(['topics', '--list'], typo);
    expect(unknown.stderr).toBe(`Error: ${typo}: unknown property sasl.usrename (did you mean sasl.username?)\n`);

    const plaintext = await runSluice(['topics', '--list', '--bootstrap-server', secure]);
    expect(plaintext.code).toBe(1);
    expect(plaintext.stderr).toMatch(/^Error: the broker at 127\.0\.0\.1:\d+ closed the connection: if its listener uses TLS or SASL, pass --command-config/);

    const byName = await runSluice(['topics', '--list', '--bootstrap-server', `localhost:${broker.listeners.SASL_SSL!.port}`, '--command-config', scramConfig], { env });
    expect(byName.code).toBe(1);
    expect(byName.stderr).toMatch(/TLS: the broker's certificate is not valid for host localhost \(it names IP Address:127\.0\.0\.1\)/);
  });

  it('presents a client certificate to an SSL listener, from a PEM keystore or librdkafka-style files', async () => {
    const keystore = join(dir, 'client.pem');
    writeFileSync(keystore, readFileSync(certs.clientKey, 'utf8') + readFileSync(certs.clientCert, 'utf8'));
    const javaForm = join(dir, 'mtls.properties');
    writeFileSync(javaForm, `security.protocol=SSL\nssl.keystore.type=PEM\nssl.keystore.location=${keystore}\nssl.truststore.type=PEM\nssl.truststore.location=${certs.caCert}\n`);
    const librdkafkaForm = join(dir, 'mtls-rd.properties');
    writeFileSync(librdkafkaForm, `security.protocol=SSL\nssl.certificate.location=${certs.clientCert}\nssl.key.location=${certs.clientKey}\nssl.ca.location=${certs.caCert}\n`);
    const ssl = broker.listeners.SSL!.bootstrap;
    for (const file of [javaForm, librdkafkaForm]) {
      const res = await runSluice(['topics', '--list', '--bootstrap-server', ssl, '--command-config', file]);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout.split('\n')).toContain('secured');
    }
  });

  it('sluice run runs a pipeline over SASL_SSL', async () => {
    await produceReadings('secured-run-in', 30);
    const runner = spawnSluice(['run', pipelineFile('secured-run', 'secured-run-in', 'secured-run-out'), '--bootstrap-server', secure, '--command-config', scramConfig, '--stats-interval-ms', '0'], { env });
    await runner.waitForStdout(/running in consumer group sluice-secured-run on .* \(SASL_SSL, SASL\/SCRAM-SHA-512 as alice, exactly_once_v2\)/);
    await eventually(async () => ((await recordsIn('secured-run-out')) === 10 ? true : undefined), 100);
    const stopped = await runner.stop('SIGTERM');
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stdout + stopped.stderr).not.toContain(PASSWORD);
  });

  it('sluice start on an external SASL_SSL cluster runs deployed pipelines with its settings', async () => {
    await produceReadings('secured-start-in', 30);
    const started = spawnSluice(
      ['start', '--bootstrap-server', secure, '--command-config', plainConfig, '--port', '0', '--no-demo', '--data-dir', join(dir, 'start')],
      { env },
    );
    await started.waitForStdout(/Sluice is running at (http:\/\/[\d.:]+)/);
    const url = /Sluice is running at (http:\/\/[\d.:]+)/.exec(started.stdout())![1];
    expect(started.stdout()).toContain(', SASL_SSL, SASL/PLAIN as alice)');
    const deployed = await runSluice(['deploy', pipelineFile('secured-start', 'secured-start-in', 'secured-start-out'), '--server', url]);
    expect(deployed.code, deployed.stderr).toBe(0);
    await eventually(async () => ((await recordsIn('secured-start-out')) === 10 ? true : undefined), 100);
    await produceReadings('secured-start-in', 3, 30);
    await eventually(async () => ((await recordsIn('secured-start-out')) === 11 ? true : undefined), 100);
    const stopped = await started.stop('SIGINT');
    expect(stopped.code).toBe(0);
    expect(stopped.stdout + stopped.stderr).not.toContain(PASSWORD);
  });

  it('refuses --command-config without --bootstrap-server on sluice start', async () => {
    const res = await runSluice(['start', '--command-config', plainConfig, '--port', '0']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/--command-config is for an external cluster: pass --bootstrap-server with it/);
  });
});
