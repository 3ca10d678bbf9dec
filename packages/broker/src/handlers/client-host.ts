import type { ConnectionInfo } from '../network/connection.js';

/** The client's address as Kafka shows it in group descriptions ("/127.0.0.1"). */
export function clientHostOf(connection: ConnectionInfo): string {
  const i = connection.remote.lastIndexOf(':');
  return `/${i > 0 ? connection.remote.slice(0, i) : connection.remote}`;
}
