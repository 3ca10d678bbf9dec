import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { AllowedHosts, hostName, normaliseAllowedHost } from './allowed-hosts.js';

describe('hostName', () => {
  it('takes the name out of a Host header', () => {
    expect(hostName('LocalHost:3000')).toBe('localhost');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
    expect(hostName('example.com.:80')).toBe('example.com');
  });

  it('refuses what is not a plain host', () => {
    expect(hostName('evil.example@127.0.0.1')).toBeUndefined();
    expect(hostName('127.0.0.1/x')).toBeUndefined();
    expect(hostName('a b')).toBeUndefined();
    expect(hostName('')).toBeUndefined();
  });
});

describe('AllowedHosts', () => {
  it('on loopback allows loopback names and IP addresses, nothing else', () => {
    const hosts = new AllowedHosts('127.0.0.1');
    for (const ok of ['localhost:3000', 'app.localhost:3000', '127.0.0.1:3000', '[::1]:3000', '192.168.1.20:3000']) expect(hosts.allows(ok), ok).toBe(true);
    for (const bad of ['evil.example:3000', 'localhost.evil.example', 'evillocalhost', undefined]) expect(hosts.allows(bad), String(bad)).toBe(false);
  });

  it('allows a name it listens on, the added names, and subdomains of a dotted entry', () => {
    const hosts = new AllowedHosts('sluice.lan', ['Build-Box.', '.corp.example']);
    expect(hosts.allows('sluice.lan:3000')).toBe(true);
    expect(hosts.allows('build-box:3000')).toBe(true);
    expect(hosts.allows('a.corp.example')).toBe(true);
    expect(hosts.allows('corp.example')).toBe(true);
    expect(hosts.allows('xcorp.example')).toBe(false);
  });

  it("adds the machine's own name only when listening beyond loopback", () => {
    const name = hostname().toLowerCase();
    if (name === 'localhost') return;
    expect(new AllowedHosts('127.0.0.1').allows(name)).toBe(false);
    expect(new AllowedHosts('0.0.0.0').allows(name)).toBe(true);
  });

  it('refuses an added entry that is not a name', () => {
    expect(() => normaliseAllowedHost('http://x.example/')).toThrow(/allowed host "http:\/\/x.example\/" is not a host name/);
    expect(() => normaliseAllowedHost('')).toThrow(/not a host name/);
  });
});
