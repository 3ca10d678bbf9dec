export { readSession, signIn, type SessionState } from './session-api.js';
