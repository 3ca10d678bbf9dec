export { encode } from './encode.js';
export { decode } from './decode.js';
export { UnsupportedApiError } from './unsupported-api-error.js';
