export { message, type FieldSchema, type MessageSchema, type ScalarType, type DefaultValue } from './dsl.js';
export { parseVersions, inRange, type VersionRange } from './versions.js';
export type { MessageData, MessageInput, StructData, StructInput, FieldData, FieldInput } from './infer.js';
