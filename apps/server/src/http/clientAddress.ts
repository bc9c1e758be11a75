import type { IncomingMessage } from 'node:http';
import express from 'express';

/**
 * Which peers are proxies whose `X-Forwarded-For` is believed (`TRUST_PROXY`), in Express's
 * `trust proxy` terms: false (none, the default), a hop count, or addresses and CIDR ranges
 * (`loopback`, `uniquelocal`, `172.29.0.10`, `10.0.0.0/8`, ...). Never `true`: that would let
 * every client name its own address.
 */
export type ProxyTrust = false | number | string[];

/** Whether the address at `hop` (0: the TCP peer) is a trusted proxy. */
export type TrustFn = (address: string, hop: number) => boolean;

/** Compiled exactly as Express compiles `trust proxy`, so `req.secure` and this agree. */
export function compileTrust(trust: ProxyTrust): TrustFn {
  return express().set('trust proxy', trust).get('trust proxy fn') as TrustFn;
}

/**
 * The address a request or a WebSocket handshake comes from, the one every per-address limit
 * counts. Walks from the TCP peer back through `X-Forwarded-For` while the address in hand is a
 * trusted proxy: an untrusted peer's header is ignored whatever it says, and behind a trusted
 * proxy each client has its own address (the one that proxy saw), not the proxy's.
 */
export function clientAddress(req: IncomingMessage, trust: TrustFn): string {
  let address = req.socket.remoteAddress ?? 'unknown';
  const header = req.headers['x-forwarded-for'];
  if (!header) return address;
  const forwarded = (Array.isArray(header) ? header.join(',') : header).split(',');
  for (let hop = 0; hop < forwarded.length; hop++) {
    const next = forwarded[forwarded.length - 1 - hop]!.trim();
    if (!next || !trust(address, hop)) break;
    address = next;
  }
  return address;
}
