import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const SLUG_MAX = 40;

/** "Extreme_Weather.v2" → "extreme-weather-v2": URL-safe and readable. */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return slug === '' ? 'pipeline' : slug;
}

function suffix(length: number): string {
  // 256 is a multiple of 4 but not of 36; the slight bias is irrelevant for an id suffix.
  return [...randomBytes(length)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/**
 * A short, URL-safe id that stays with the pipeline for good (renames keep it; it names the consumer
 * group): the slug of the name plus a random suffix, e.g. "extreme-weather-k3x9q2".
 */
export function newPipelineId(name: string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = `${slugOf(name)}-${suffix(6)}`;
    if (!taken(id)) return id;
  }
}
