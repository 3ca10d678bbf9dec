import type { RequestOfKey, ResponseInputOfKey } from '@sluice/kafka-protocol';
import type { BrokerState } from '../broker-state.js';
import type { ConnectionInfo } from '../network/connection.js';

export interface RequestContext {
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
  connection: ConnectionInfo;
}

/**
 * One Kafka API. `versions` are those this handler decodes and answers; `advertised` are those put
 * in ApiVersions (min 0 where only higher versions are implemented: librdkafka switches features on
 * by overlap with low versions, and no client sends them when higher ones are offered). A request at
 * an advertised but unimplemented version closes the connection, as Kafka does.
 *
 * Protocol errors are fields in the response; a thrown error means "close this connection".
 * Returning null sends no response (Produce with acks=0).
 */
export interface ApiHandler<K extends number = number> {
  apiKey: K;
  versions: { min: number; max: number };
  advertised: { min: number; max: number };
  handle(
    state: BrokerState,
    request: RequestOfKey<K>,
    ctx: RequestContext,
  ): ResponseInputOfKey<K> | null | Promise<ResponseInputOfKey<K> | null>;
}

export function defineHandler<K extends number>(handler: ApiHandler<K>): ApiHandler<K> {
  return handler;
}
