import { UsageError } from './errors.js';

/**
 * `--config k=v`, `--property k=v`, `--producer-property k=v`: split at the first `=` (values may
 * hold `=`), later repeats win, as Kafka's CommandLineUtils.parseKeyValueArgs does.
 */
export function parseKeyValues(command: string, flag: string, entries: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${flag} '${entry}' must look like key=value`, command);
    out.set(entry.slice(0, eq).trim(), entry.slice(eq + 1));
  }
  return out;
}

/** Kafka's boolean properties: "true" in any case, surrounding spaces ignored; anything else is false. */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && value.trim().toLowerCase() === 'true';
}
