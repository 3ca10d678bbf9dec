export { decodeRequestHeader, decodeRequest, encodeRequest, type RequestHeader } from './request.js';
export { encodeResponse, decodeResponse, responseHeaderHasTaggedFields, type DecodedResponse } from './response.js';
