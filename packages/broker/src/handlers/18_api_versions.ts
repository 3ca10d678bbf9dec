// ApiVersions v0–3. The answer is built from the handler registry, so what is advertised and what
// is implemented cannot disagree. A version above 3 is answered in the v0 format with
// UNSUPPORTED_VERSION and our ranges, so the client can retry at one we speak.
import { defineHandler, type ApiHandler } from './handler.js';

export const API_VERSIONS_KEY = 18;
export const API_VERSIONS_MAX = 3;

export function apiVersionsBody(handlers: Iterable<ApiHandler>, errorCode = 0) {
  const apiKeys = [...handlers]
    .sort((a, b) => a.apiKey - b.apiKey)
    .map((h) => ({ apiKey: h.apiKey, minVersion: h.advertised.min, maxVersion: h.advertised.max }));
  return { errorCode, apiKeys, throttleTimeMs: 0 };
}

export function apiVersionsHandler(all: () => Iterable<ApiHandler>) {
  return defineHandler({
    apiKey: API_VERSIONS_KEY,
    versions: { min: 0, max: API_VERSIONS_MAX },
    advertised: { min: 0, max: API_VERSIONS_MAX },
    handle: () => apiVersionsBody(all()),
  });
}

