import type { MessageSchema } from '../schema/dsl.js';
import { inRange, parseVersions } from '../schema/versions.js';

/** One Kafka API: its request and response declarations over the same version range. */
export interface ApiDefinition<Req extends MessageSchema = MessageSchema, Res extends MessageSchema = MessageSchema> {
  readonly apiKey: number;
  /** Kafka's name for the API, e.g. "Produce". */
  readonly name: string;
  readonly request: Req;
  readonly response: Res;
  readonly minVersion: number;
  readonly maxVersion: number;
  /** Whether `version` uses the flexible encodings (compact fields, tagged fields, header v2/v1). */
  isFlexible(version: number): boolean;
}

export function defineApi<Req extends MessageSchema, Res extends MessageSchema>(
  name: string,
  request: Req,
  response: Res,
): ApiDefinition<Req, Res> {
  if (request.apiKey !== response.apiKey || request.validVersions !== response.validVersions) {
    throw new Error(`${name}: request and response must share the API key and version range`);
  }
  if (request.flexibleVersions !== response.flexibleVersions) {
    throw new Error(`${name}: request and response must turn flexible at the same version`);
  }
  const range = parseVersions(request.validVersions);
  const flexible = parseVersions(request.flexibleVersions);
  return {
    apiKey: request.apiKey,
    name,
    request,
    response,
    minVersion: range.min,
    maxVersion: range.max,
    isFlexible: (version) => inRange(flexible, version),
  };
}
