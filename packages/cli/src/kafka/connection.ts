import { CommandConfigError, loadCommandConfig, PLAINTEXT_CONNECTION, type KafkaConnectionSettings } from '@sluice/kafka-admin';
import { CommandError } from '../args/index.js';

/**
 * The connection settings of a command: the client properties in `--command-config FILE`, or a
 * plaintext connection without it. A bad file is one line that names the property.
 */
export function resolveConnection(
  path: string | undefined,
  io: { env: Record<string, string | undefined>; cwd: string },
): KafkaConnectionSettings {
  if (path === undefined) return PLAINTEXT_CONNECTION;
  try {
    return loadCommandConfig(path, { env: io.env, cwd: io.cwd });
  } catch (err) {
    if (err instanceof CommandConfigError) throw new CommandError(err.message);
    throw err;
  }
}
