import type { PayloadView as Payload } from '../../infrastructure/api/index.js';

/** A key or value as shown: JSON pretty-printed, text as it is, bytes as base64, null as a dash. */
export function showPayload(payload: Payload): { text: string; kind: Payload['format'] } {
  switch (payload.format) {
    case 'json':
      return { text: JSON.stringify(payload.value, null, 2), kind: 'json' };
    case 'string':
      return { text: String(payload.value), kind: 'string' };
    case 'bytes':
      return { text: `base64:${String(payload.value)}`, kind: 'bytes' };
    case 'null':
      return { text: '—', kind: 'null' };
  }
}

/** `name=value` lines (or `name: value`) as record headers; blank lines are skipped. */
export function parseHeaderLines(text: string): { headers: Record<string, string> } | { error: string } {
  const headers: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const at = line.search(/[=:]/);
    if (at <= 0) return { error: `header line ${i + 1}: write name=value` };
    headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { headers };
}

/** `key=value` topic configs, one a line, as in kafka-topics.sh --config. */
export function parseConfigLines(text: string): { config: Record<string, string> } | { error: string } {
  const config: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const at = line.indexOf('=');
    if (at <= 0) return { error: `config line ${i + 1}: write name=value, e.g. retention.ms=86400000` };
    config[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { config };
}

/** A whole number from a form field, or undefined when blank; NaN-free. */
export function wholeNumber(text: string): number | undefined | 'invalid' {
  const t = text.trim();
  if (t === '') return undefined;
  return /^-?\d+$/.test(t) ? Number(t) : 'invalid';
}

export function timeText(timestamp: number | string): string {
  const ms = typeof timestamp === 'number' ? timestamp : Number(timestamp);
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace('T', ' ').replace('Z', '') : String(timestamp);
}
