import type { Admin } from 'kafkajs';
import { createKafka } from './client.js';

export interface AdminSessionOptions {
  brokers: string[];
  env: Record<string, string | undefined>;
  stderr: NodeJS.WritableStream;
}

/** Connects an admin client, runs `fn`, and always disconnects (so the process can exit). */
export async function withAdmin<T>(opts: AdminSessionOptions, fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = createKafka({ ...opts, clientId: 'sluice-admin' }).admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
