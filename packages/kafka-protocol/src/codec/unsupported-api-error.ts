/**
 * A request or response for an API key or version this package does not declare. The broker
 * closes the connection on it (except for ApiVersions, which it answers with UNSUPPORTED_VERSION).
 */
export class UnsupportedApiError extends Error {
  override readonly name = 'UnsupportedApiError';
  readonly apiKey: number;
  readonly apiVersion: number;

  constructor(apiKey: number, apiVersion: number, detail: string) {
    super(`unsupported API key ${apiKey} version ${apiVersion}: ${detail}`);
    this.apiKey = apiKey;
    this.apiVersion = apiVersion;
  }
}
