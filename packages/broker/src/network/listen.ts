import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { Logger } from '../logger.js';
import { usesTls, type ListenerSpec, type TlsServerSettings } from '../security/index.js';

/** A listener's server socket, open and bound. */
export interface OpenListener {
  spec: ListenerSpec;
  server: Server;
  host: string;
  port: number;
}

/**
 * Opens one listener: plain TCP, or TLS for SSL and SASL_SSL. A client that fails the TLS handshake
 * (a plaintext client, an untrusted client certificate) is logged with the reason and dropped.
 */
export async function openListener(
  spec: ListenerSpec,
  tls: TlsServerSettings | null,
  logger: Logger,
  onSocket: (socket: Socket) => void,
): Promise<OpenListener> {
  let server: Server;
  if (usesTls(spec.protocol)) {
    if (!tls) throw new Error(`listener ${spec.protocol} has no TLS settings`);
    server = createTlsServer(
      {
        key: tls.key,
        cert: tls.cert,
        ...(tls.passphrase ? { passphrase: tls.passphrase } : {}),
        ...(tls.ca ? { ca: tls.ca } : {}),
        requestCert: tls.clientAuth !== 'none',
        rejectUnauthorized: tls.clientAuth === 'required',
        minVersion: 'TLSv1.2',
      },
      onSocket,
    );
    server.on('tlsClientError', (err: NodeJS.ErrnoException, socket: Socket) => {
      const plaintext = /wrong version number|http request|unknown protocol|packet length too long/i.test(err.message);
      const why = plaintext
        ? `a plaintext client on the ${spec.protocol} listener (it must use security.protocol=${spec.protocol})`
        : err.message;
      logger.warn(`TLS handshake with ${socket.remoteAddress}:${socket.remotePort} failed: ${why}`);
    });
  } else {
    server = createServer(onSocket);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(spec.port, spec.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('broker socket has no TCP address');
  return { spec, server, host: address.address, port: address.port };
}
