import type { Logger } from '../logger.js';

/** errno codes that mean the disk, not the request, is at fault: Kafka answers KAFKA_STORAGE_ERROR. */
const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EFBIG', 'EMFILE', 'ENFILE']);

export function isStorageError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && STORAGE_CODES.has((err as NodeJS.ErrnoException).code ?? '');
}

/**
 * Write failures per partition directory, logged once when they start (with the path and what to
 * do) and once when writes succeed again, rather than once per request.
 */
export class StorageHealth {
  private readonly failing = new Map<string, string>();

  constructor(private readonly logger: Logger) {}

  failed(dir: string, err: NodeJS.ErrnoException): void {
    if (this.failing.has(dir)) return;
    this.failing.set(dir, err.code ?? 'error');
    const hint = err.code === 'ENOSPC' || err.code === 'EDQUOT' ? ': free space on that disk; the broker retries on the next write' : '';
    this.logger.warn(`cannot write ${err.path ?? dir} (${err.code}: ${err.message})${hint}; answering KAFKA_STORAGE_ERROR meanwhile`);
  }

  succeeded(dir: string): void {
    const code = this.failing.get(dir);
    if (code === undefined) return;
    this.failing.delete(dir);
    this.logger.info(`writes to ${dir} succeed again after ${code}`);
  }
}
