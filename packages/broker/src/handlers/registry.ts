import type { ApiHandler } from './handler.js';
import { listOffsetsHandler } from './02_list_offsets.js';
import { metadataHandler } from './03_metadata.js';
import { apiVersionsHandler } from './18_api_versions.js';
import { createTopicsHandler } from './19_create_topics.js';
import { deleteTopicsHandler } from './20_delete_topics.js';
import { deleteRecordsHandler } from './21_delete_records.js';
import { describeConfigsHandler } from './32_describe_configs.js';
import { alterConfigsHandler } from './33_alter_configs.js';
import { createPartitionsHandler } from './37_create_partitions.js';
import { produceHandler } from './00_produce.js';
import { fetchHandler } from './01_fetch.js';
import { saslHandshakeHandler } from './17_sasl_handshake.js';
import { saslAuthenticateHandler } from './36_sasl_authenticate.js';

/** Every API the broker serves, by key. ApiVersions answers from this map and nothing else. */
export function buildHandlerRegistry(extra: ApiHandler[] = []): Map<number, ApiHandler> {
  const registry = new Map<number, ApiHandler>();
  const add = (h: ApiHandler) => {
    if (registry.has(h.apiKey)) throw new Error(`two handlers for API key ${h.apiKey}`);
    registry.set(h.apiKey, h);
  };
  [
    produceHandler,
    fetchHandler,
    listOffsetsHandler,
    metadataHandler,
    createTopicsHandler,
    deleteTopicsHandler,
    deleteRecordsHandler,
    describeConfigsHandler,
    alterConfigsHandler,
    createPartitionsHandler,
    saslHandshakeHandler,
    saslAuthenticateHandler,
    ...extra,
  ].forEach(add);
  add(apiVersionsHandler(() => registry.values()));
  return registry;
}
