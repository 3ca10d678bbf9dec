import { startStack } from './support/stack.js';

/** Starts the broker and server once for the run; the returned function stops them. */
export default async function globalSetup() {
  const stack = await startStack();
  process.env.SLUICE_E2E_URL = stack.url;
  process.env.SLUICE_E2E_BOOTSTRAP = stack.bootstrap;
  return async () => {
    await stack.stop();
  };
}
