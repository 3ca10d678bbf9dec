import { connect as tcpConnect, isIP } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import type { ISocketFactory, KafkaConfig, SASLOptions } from 'kafkajs';
import type { KafkaConnectionSettings, TlsClientSettings } from './connection-config.js';

/** The kafkajs options that make a client connect with these settings. */
export function kafkaJsSecurity(c: KafkaConnectionSettings): Pick<KafkaConfig, 'ssl' | 'sasl' | 'socketFactory'> {
  return {
    ...(c.tls ? { ssl: tlsOptions(c.tls), socketFactory } : {}),
    ...(c.sasl ? { sasl: saslOptions(c) } : {}),
  };
}

function saslOptions(c: KafkaConnectionSettings): SASLOptions {
  const { mechanism, username, password } = c.sasl!;
  switch (mechanism) {
    case 'PLAIN':
      return { mechanism: 'plain', username, password };
    case 'SCRAM-SHA-256':
      return { mechanism: 'scram-sha-256', username, password };
    case 'SCRAM-SHA-512':
      return { mechanism: 'scram-sha-512', username, password };
  }
}

function tlsOptions(t: TlsClientSettings): ConnectionOptions {
  return {
    ...(t.ca ? { ca: t.ca } : {}),
    ...(t.cert ? { cert: t.cert } : {}),
    ...(t.key ? { key: t.key } : {}),
    ...(t.keyPassword ? { passphrase: t.keyPassword } : {}),
    rejectUnauthorized: t.verifyCertificate,
    checkServerIdentity: t.verifyHostname ? explainedServerIdentity : () => undefined,
  };
}

/** Node's host name check, with a message that names the host and the names the certificate has. */
function explainedServerIdentity(host: string, cert: PeerCertificate): Error | undefined {
  const err = checkServerIdentity(host, cert);
  if (!err) return undefined;
  const names = cert.subjectaltname || (cert.subject?.CN ? `CN=${cert.subject.CN}` : 'no names');
  return Object.assign(
    new Error(
      `TLS: the broker's certificate is not valid for host ${host} (it names ${names}); connect by one of those names, ` +
        'or set ssl.endpoint.identification.algorithm= (empty) to skip the check',
    ),
    { code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
  );
}

/**
 * kafkajs's own factory, except that the TLS server name is sent only for host names: SNI with an IP
 * address is not allowed (RFC 6066) and Node warns about it on every connection.
 */
const socketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
  const socket = ssl
    ? tlsConnect({ host, port, ...(isIP(host) ? {} : { servername: host }), ...(ssl as ConnectionOptions) }, onConnect)
    : tcpConnect({ host, port }, onConnect);
  socket.setKeepAlive(true, 60_000);
  return socket;
};
