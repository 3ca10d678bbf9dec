import { describe, expect, it } from 'vitest';
import { crossOriginReason } from './request-origin.js';

describe('crossOriginReason', () => {
  const host = '127.0.0.1:3000';

  it("lets the app's own page through", () => {
    expect(crossOriginReason({ host, origin: 'http://127.0.0.1:3000' })).toBeUndefined();
    expect(crossOriginReason({ host: 'LOCALHOST:3000', origin: 'http://localhost:3000', secFetchSite: 'same-origin' })).toBeUndefined();
    // A proxy in front may rewrite Host; the browser's own Sec-Fetch-Site still says same-origin.
    expect(crossOriginReason({ host, origin: 'https://sluice.example.com', secFetchSite: 'same-origin' })).toBeUndefined();
  });

  it('lets clients that are not browsers through', () => {
    expect(crossOriginReason({ host })).toBeUndefined();
  });

  it('refuses pages of other origins, naming them', () => {
    expect(crossOriginReason({ host, origin: 'http://evil.example' })).toMatch(/not from http:\/\/evil\.example$/);
    expect(crossOriginReason({ host, origin: 'http://127.0.0.1:5000', secFetchSite: 'same-site' })).toMatch(/127\.0\.0\.1:5000/);
    expect(crossOriginReason({ host, origin: 'null' })).toMatch(/not from null/);
    expect(crossOriginReason({ host, secFetchSite: 'cross-site' })).toMatch(/\(this one is Sec-Fetch-Site: cross-site\)$/);
    expect(crossOriginReason({ origin: 'http://127.0.0.1:3000' })).toMatch(/not from/);
  });
});
