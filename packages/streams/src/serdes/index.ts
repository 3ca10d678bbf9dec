export { FORMATS, SerdeError, type Format, type Serde } from './serde.js';
export { bytesSerde, jsonSerde, serdeFor, stringSerde } from './formats.js';
