/** The headers a browser sets on its own and a page cannot forge. */
export interface OriginHeaders {
  readonly host?: string | undefined;
  readonly origin?: string | undefined;
  readonly secFetchSite?: string | undefined;
}

/**
 * Why a request comes from a page of another origin, or undefined when it comes from the app
 * itself or from a client that is not a browser (curl, the CLI: they send neither header).
 * Browsers send `Origin` on every POST, PUT, PATCH and DELETE, simple cross-origin ones included,
 * and `Sec-Fetch-Site` on all requests in current versions.
 */
export function crossOriginReason(h: OriginHeaders): string | undefined {
  const site = h.secFetchSite?.toLowerCase();
  if (site === 'same-origin') return undefined;
  if (h.origin !== undefined) {
    if (h.host !== undefined && originHost(h.origin) === h.host.toLowerCase()) return undefined;
    return `requests that change something must come from this server's own page, not from ${h.origin}`;
  }
  if (site !== undefined) return `requests that change something must come from this server's own page (this one is Sec-Fetch-Site: ${site})`;
  return undefined;
}

/** `host:port` of an Origin (as a Host header would name it), or undefined for `null` and the malformed. */
function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.host.toLowerCase();
  } catch {
    return undefined;
  }
}
