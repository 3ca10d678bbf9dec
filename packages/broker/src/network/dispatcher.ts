import { decodeRequest, decodeRequestHeader, encodeResponse, ErrorCode } from '@sluice/kafka-protocol';
import type { BrokerState } from '../broker-state.js';
import { API_VERSIONS_KEY, API_VERSIONS_MAX, apiVersionsBody } from '../handlers/18_api_versions.js';
import type { ApiHandler } from '../handlers/handler.js';
import type { ConnectionInfo, RequestDispatcher } from './connection.js';

/** Decodes a request frame, runs its handler, and encodes the answer. Throws to close the connection. */
export function createDispatcher(state: BrokerState, registry: Map<number, ApiHandler>): RequestDispatcher {
  return async (frame: Buffer, connection: ConnectionInfo) => {
    if (connection.sasl?.expectsRawToken) return rawSaslToken(state, connection, frame);
    const header = decodeRequestHeader(frame);
    const { apiKey, apiVersion, correlationId } = header;
    if (apiKey === API_VERSIONS_KEY && apiVersion > API_VERSIONS_MAX) {
      return encodeResponse(API_VERSIONS_KEY, 0, correlationId, apiVersionsBody(registry.values(), ErrorCode.UNSUPPORTED_VERSION));
    }
    refuseBeforeAuthentication(connection, apiKey, header.clientId);
    const handler = registry.get(apiKey);
    if (!handler) throw new Error(`unknown API key ${apiKey} from client "${header.clientId}"`);
    if (apiVersion < handler.versions.min || apiVersion > handler.versions.max) {
      throw new Error(
        `API key ${apiKey} version ${apiVersion} from client "${header.clientId}" is not supported (this broker implements ${handler.versions.min}–${handler.versions.max})`,
      );
    }
    const request = decodeRequest(apiKey, apiVersion, frame, header.bodyOffset);
    const response = await handler.handle(state, request, {
      apiVersion,
      correlationId,
      clientId: header.clientId,
      connection,
    });
    return response === null ? null : encodeResponse(apiKey, apiVersion, correlationId, response);
  };
}

/**
 * A bare SASL token after SaslHandshake v0: answered with the bare server token (size-prefixed).
 * A failed authentication closes the connection, which is how Kafka tells such clients.
 */
function rawSaslToken(state: BrokerState, connection: ConnectionInfo, token: Buffer): Buffer[] {
  const sasl = connection.sasl!;
  const response = sasl.authenticate(token);
  if (sasl.authenticated) state.logger.info(`connection ${connection.remote} authenticated as ${sasl.principal}`);
  const size = Buffer.alloc(4);
  size.writeInt32BE(response.length);
  return [size, response];
}

/** APIs a SASL listener serves before the client has authenticated. */
const SASL_KEYS = new Set([API_VERSIONS_KEY, 17, 36]);

/** As Kafka: on a SASL listener any other request before authentication closes the connection. */
function refuseBeforeAuthentication(connection: ConnectionInfo, apiKey: number, clientId: string | null): void {
  const sasl = connection.sasl;
  if (!sasl || sasl.authenticated) return;
  if (sasl.state === 'failed') throw new Error(`request from client "${clientId}" after failed SASL authentication`);
  if (!SASL_KEYS.has(apiKey)) {
    throw new Error(
      `API key ${apiKey} from client "${clientId}" before SASL authentication on the ${connection.listener.protocol} listener (is the client set to security.protocol=${connection.listener.protocol}?)`,
    );
  }
}
