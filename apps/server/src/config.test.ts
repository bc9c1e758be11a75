import { describe, expect, it } from 'vitest';
import { clientAddress, compileTrust } from './http/clientAddress.ts';
import { parseTrustProxy, readConfig } from './config.ts';

describe('the ballot secret settings', () => {
  it('keeps the key file in the user config directory unless told, and reads an empty BALLOT_SECRET as unset', () => {
    expect(readConfig({ HOME: '/home/ada' })).toMatchObject({
      ballotSecret: null,
      ballotSecretFile: '/home/ada/.config/moot/ballot-secret',
    });
    expect(readConfig({ XDG_CONFIG_HOME: '/cfg', BALLOT_SECRET: '' }).ballotSecretFile).toBe('/cfg/moot/ballot-secret');
    expect(readConfig({ BALLOT_SECRET_FILE: '/run/keys/moot' }).ballotSecretFile).toBe('/run/keys/moot');
    expect(readConfig({ BALLOT_SECRET: 'ab'.repeat(32) }).ballotSecret).toBe('ab'.repeat(32));
    expect(() => readConfig({ BALLOT_SECRET: 'short' })).toThrow(/64 hex characters/);
  });
});

/** A request as the server sees it: the TCP peer and the headers it sent. */
const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as never;

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default: the address is the peer, whatever X-Forwarded-For says', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    const none = compileTrust(parseTrustProxy(undefined));
    expect(clientAddress(request('127.0.0.1', '203.0.113.1'), none)).toBe('127.0.0.1');
  });

  it('takes the client from a trusted proxy only, as far back as the proxies it trusts', () => {
    const nginx = compileTrust(parseTrustProxy('172.29.0.10'));
    expect(clientAddress(request('172.29.0.10', '10.0.0.1, 203.0.113.1'), nginx)).toBe('203.0.113.1');
    // Another container (or the host through a published port) is not the proxy: its header is ignored.
    expect(clientAddress(request('172.29.0.1', '203.0.113.1'), nginx)).toBe('172.29.0.1');
    const twoHops = compileTrust(parseTrustProxy('2'));
    expect(clientAddress(request('10.0.0.2', '198.51.100.1, 203.0.113.1, 10.0.0.3'), twoHops)).toBe('203.0.113.1');
    const local = compileTrust(parseTrustProxy('loopback, uniquelocal'));
    expect(clientAddress(request('::ffff:127.0.0.1', '192.168.1.4, 203.0.113.9'), local)).toBe('203.0.113.9');
    // An empty or garbage entry stops the walk at the last address known.
    expect(clientAddress(request('127.0.0.1', ' , '), local)).toBe('127.0.0.1');
  });

  it('refuses true and addresses it cannot read, saying why', () => {
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY: true would let any client choose its own address/);
    expect(() => parseTrustProxy('nginx')).toThrow(/TRUST_PROXY: invalid IP address: nginx/);
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(readConfig({ TRUST_PROXY: 'loopback,172.29.0.10' }).trustProxy).toEqual(['loopback', '172.29.0.10']);
  });
});

describe('METRICS_TOKEN', () => {
  it('is off unless set, and refuses a token short enough to guess', () => {
    expect(readConfig({}).metricsToken).toBeNull();
    expect(() => readConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 32 characters/);
    expect(readConfig({ METRICS_TOKEN: 'x'.repeat(32) }).metricsToken).toBe('x'.repeat(32));
  });
});

describe('PEERTUBE_HOSTS', () => {
  it('lists the PeerTube hosts the watch page may embed, none by default, and names a bad entry', () => {
    expect(readConfig({}).peertubeHosts).toEqual([]);
    expect(readConfig({ PEERTUBE_HOSTS: 'video.example.org, Tube.Example.net' }).peertubeHosts).toEqual([
      'video.example.org',
      'tube.example.net',
    ]);
    expect(() => readConfig({ PEERTUBE_HOSTS: 'https://video.example.org' })).toThrow(
      /PEERTUBE_HOSTS: "https:\/\/video.example.org" is not a host name/,
    );
  });
});
