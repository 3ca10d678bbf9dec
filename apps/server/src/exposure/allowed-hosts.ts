import { isIP } from 'node:net';
import { hostname as machineName } from 'node:os';

/** `name`, `name:port`, `1.2.3.4:port`, `[::1]:port`; nothing else (no user info, path or spaces). */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::\d{1,5})?$/i;

const LISTEN_ANY = new Set(['0.0.0.0', '::', '[::]']);

/** The name in a Host header, lower-cased, without port, brackets or a trailing dot; undefined if malformed. */
export function hostName(header: string): string | undefined {
  const match = HOST_HEADER.exec(header.trim());
  if (!match) return undefined;
  return match[1]!.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** One `--allowed-hosts` entry as it is matched: lower case, no trailing dot; `.example.com` keeps its dot. */
export function normaliseAllowedHost(entry: string): string {
  const name = entry.trim().toLowerCase().replace(/\.$/, '');
  if (!/^\.?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(name)) {
    throw new Error(`allowed host "${entry}" is not a host name; give names such as sluice.example.com, or .example.com for every name under it`);
  }
  return name;
}

/**
 * The names under which this server answers. A page can only reach a server under a foreign name
 * through DNS rebinding, so a Host outside this list is refused. IP addresses are always accepted:
 * a page whose origin is an IP address is talking to that address, so rebinding cannot produce them.
 */
export class AllowedHosts {
  private readonly names = new Set<string>(['localhost']);
  private readonly suffixes: string[] = ['.localhost'];

  /**
   * @param listenHost the address or name the server listens on (a name is allowed; on a
   *   non-loopback address, so is the machine's own host name)
   * @param extra names added by the user; `.example.com` allows every name under example.com
   */
  constructor(listenHost: string, extra: readonly string[] = []) {
    const listen = listenHost.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (isIP(listen) === 0) this.names.add(listen);
    if (LISTEN_ANY.has(listenHost) || (isIP(listen) !== 0 && !isLoopbackAddress(listen))) this.names.add(machineName().toLowerCase());
    for (const entry of extra) {
      const name = normaliseAllowedHost(entry);
      if (name.startsWith('.')) this.suffixes.push(name);
      else this.names.add(name);
    }
  }

  /** Whether a request with this Host header may be served. */
  allows(header: string | undefined): boolean {
    if (header === undefined) return false;
    const name = hostName(header);
    if (name === undefined) return false;
    if (isIP(name) !== 0) return true;
    return this.names.has(name) || this.suffixes.some((suffix) => name.endsWith(suffix) || name === suffix.slice(1));
  }

  /** For the refusal message: the names accepted besides IP addresses. */
  describe(): string {
    return [...this.names, ...this.suffixes.map((s) => `*${s}`)].join(', ');
  }
}

function isLoopbackAddress(address: string): boolean {
  return /^127\./.test(address) || address === '::1';
}
