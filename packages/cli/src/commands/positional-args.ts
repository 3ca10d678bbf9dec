import type { FlagSpecs } from '../args/index.js';

/**
 * Separates positional arguments (`sluice deploy FILE`, `sluice pipelines stop ID`) from flags, so
 * the flags can go through parseFlags. A string flag's value is the next argument unless it is
 * written `--flag=value`.
 */
export function splitPositionals(flags: FlagSpecs, argv: readonly string[]): { positionals: string[]; flagArgs: string[] } {
  const positionals: string[] = [];
  const flagArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    flagArgs.push(arg);
    const name = arg.replace(/^--?/, '');
    if (!name.includes('=') && flags[name]?.type === 'string' && i + 1 < argv.length) flagArgs.push(argv[++i]!);
  }
  return { positionals, flagArgs };
}
