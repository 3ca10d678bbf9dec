export { Reader } from './reader.js';
export { Writer, type Int32Slot } from './writer.js';
export { ProtocolDecodeError, ProtocolEncodeError } from './decode-error.js';
export { ZERO_UUID, uuidFromString, uuidToString } from './uuid.js';
