import type { CommandSpec } from './flags.js';

const WRAP = 100;

/** `sluice <cmd> --help`: synopsis, description, then every flag with its value placeholder. */
export function renderUsage(spec: CommandSpec): string {
  const lines: string[] = [];
  spec.usage.forEach((u, i) => lines.push(`${i === 0 ? 'Usage: ' : '       '}${u}`));
  lines.push('');
  if (spec.description) lines.push(...wrap(spec.description, WRAP), '');
  lines.push('Options:');
  const entries = Object.entries(spec.flags).map(([name, f]) => ({
    left: `  --${name}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}`,
    help: f.help + (f.multiple ? ' (repeatable)' : ''),
  }));
  entries.push({ left: '  --help', help: 'Print this help.' });
  const width = Math.min(34, Math.max(...entries.map((e) => e.left.length)) + 2);
  for (const e of entries) {
    const helpLines = wrap(e.help, WRAP - width);
    if (e.left.length + 2 > width) {
      lines.push(e.left);
      for (const h of helpLines) lines.push(' '.repeat(width) + h);
    } else {
      helpLines.forEach((h, i) => lines.push((i === 0 ? e.left.padEnd(width) : ' '.repeat(width)) + h));
    }
  }
  return lines.join('\n') + '\n';
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
  }
  return out;
}
