import { z } from 'zod';
import { LIMITS } from './limits.ts';

/**
 * A livestream of the sitting, embedded on the watch page. Only three kinds of player may be
 * framed: YouTube (through its no-cookie host), Vimeo, and PeerTube on the hosts an operator
 * lists (`PEERTUBE_HOSTS`). The server parses what a moderator pasted into the one embed address
 * it builds itself; the page never frames an address a moderator typed, and the CSP's
 * `frame-src` lists exactly the hosts below (`livestreamFrameSources`).
 */
export const LIVESTREAM_PROVIDERS = ['youtube', 'vimeo', 'peertube'] as const;
export type LivestreamProvider = (typeof LIVESTREAM_PROVIDERS)[number];

export interface Livestream {
  provider: LivestreamProvider;
  /** The address the moderator gave, as parsed (https, no credentials). */
  url: string;
  /** The player the watch page frames, built by the server from the video's id alone. */
  embedUrl: string;
}

export const YOUTUBE_EMBED_ORIGIN = 'https://www.youtube-nocookie.com';
export const VIMEO_EMBED_ORIGIN = 'https://player.vimeo.com';

/** moderator → server, `livestream:set`: an address to embed, or '' to remove the livestream. */
export const setLivestreamSchema = z.strictObject({
  url: z.string().trim().max(LIMITS.maxLinkLength),
});
export type SetLivestream = z.infer<typeof setLivestreamSchema>;

// Plain arrays (no `new Set` at load), so a bundle that never parses an address drops them.
const YOUTUBE_HOSTS = ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com'];
const VIMEO_HOSTS = ['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'];
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
/** PeerTube's short ids (22 base58 characters) and full UUIDs. */
const PEERTUBE_ID = /^([1-9A-HJ-NP-Za-km-z]{22}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** A host name as `PEERTUBE_HOSTS` may list it: lower-case DNS labels, at least one dot, no port. */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** `PEERTUBE_HOSTS` ("video.example.org, tube.example.net") as a list; a bad entry throws, naming it. */
export function parsePeertubeHosts(value: string | undefined): string[] {
  const hosts = (value ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  for (const host of hosts)
    if (!HOST_NAME.test(host)) throw new Error(`"${host}" is not a host name (give names like video.example.org)`);
  return [...new Set(hosts)];
}

/** The origins the watch page may frame: the CSP's `frame-src`, exactly. */
export function livestreamFrameSources(peertubeHosts: readonly string[]): string[] {
  return [YOUTUBE_EMBED_ORIGIN, VIMEO_EMBED_ORIGIN, ...peertubeHosts.map((host) => `https://${host}`)];
}

function youtubeId(url: URL): string | null {
  const parts = url.pathname.split('/').filter(Boolean);
  if (url.hostname === 'youtu.be') return parts.length === 1 ? parts[0]! : null;
  if (parts.length === 1 && parts[0] === 'watch') return url.searchParams.get('v');
  if (parts.length === 2 && ['live', 'embed', 'shorts'].includes(parts[0]!)) return parts[1]!;
  return null;
}

function vimeoId(url: URL): string | null {
  const parts = url.pathname.split('/').filter(Boolean);
  if (url.hostname === 'player.vimeo.com') return parts.length === 2 && parts[0] === 'video' ? parts[1]! : null;
  return parts.length === 1 ? parts[0]! : null;
}

function peertubeId(url: URL): string | null {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 2 && parts[0] === 'w') return parts[1]!;
  if (parts.length === 3 && parts[0] === 'videos' && ['watch', 'embed'].includes(parts[1]!)) return parts[2]!;
  return null;
}

/**
 * A pasted address as a livestream, or null when it is not a video of an allowed host. Only
 * https, no credentials, no port; the embed address is rebuilt from the id (nothing else of
 * the pasted address — query, fragment, path — reaches the frame).
 */
export function parseLivestreamUrl(raw: string, peertubeHosts: readonly string[]): Livestream | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  const shown = url.toString();
  if (YOUTUBE_HOSTS.includes(host)) {
    const id = youtubeId(url);
    return id && YOUTUBE_ID.test(id)
      ? { provider: 'youtube', url: shown, embedUrl: `${YOUTUBE_EMBED_ORIGIN}/embed/${id}` }
      : null;
  }
  if (VIMEO_HOSTS.includes(host)) {
    const id = vimeoId(url);
    return id && VIMEO_ID.test(id)
      ? { provider: 'vimeo', url: shown, embedUrl: `${VIMEO_EMBED_ORIGIN}/video/${id}` }
      : null;
  }
  if (peertubeHosts.includes(host)) {
    const id = peertubeId(url);
    return id && PEERTUBE_ID.test(id)
      ? { provider: 'peertube', url: shown, embedUrl: `https://${host}/videos/embed/${id}` }
      : null;
  }
  return null;
}

/** Why a livestream address was refused (`livestream.*`). */
export const LIVESTREAM_REASONS = ['notEmbeddable'] as const;
