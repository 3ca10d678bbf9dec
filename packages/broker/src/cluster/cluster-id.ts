import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';

/** The cluster id, made once per data directory and kept in `meta.properties`, as Kafka does. */
export function loadOrCreateClusterId(dataDir: string, nodeId: number): string {
  const path = join(dataDir, 'meta.properties');
  if (existsSync(path)) {
    const match = /^cluster\.id=(.+)$/m.exec(readFileSync(path, 'utf8'));
    if (match) return match[1].trim();
  }
  const id = randomBytes(16).toString('base64url');
  writeFileAtomic(path, `version=1\ncluster.id=${id}\nnode.id=${nodeId}\n`);
  return id;
}
