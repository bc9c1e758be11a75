import { describe, expect, it } from 'vitest';
import { livestreamFrameSources, parseLivestreamUrl, parsePeertubeHosts } from './livestream.ts';

const HOSTS = ['video.example.org'];
const SHORT = 'kkGMgK9ZtnKfYAgnEtQxbv';

describe('the livestream allow-list', () => {
  it.each([
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
      'youtube',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    ],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtube.com/live/dQw4w9WgXcQ?si=x', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://m.youtube.com/embed/dQw4w9WgXcQ', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'vimeo', 'https://player.vimeo.com/video/76979871'],
    ['https://player.vimeo.com/video/76979871?h=1', 'vimeo', 'https://player.vimeo.com/video/76979871'],
    [`https://video.example.org/w/${SHORT}`, 'peertube', `https://video.example.org/videos/embed/${SHORT}`],
    [
      'https://VIDEO.example.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d',
      'peertube',
      'https://video.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d',
    ],
  ])('turns %s into its player', (url, provider, embedUrl) => {
    expect(parseLivestreamUrl(url, HOSTS)).toMatchObject({ provider, embedUrl });
  });

  it.each([
    'http://www.youtube.com/watch?v=dQw4w9WgXcQ', // not https
    'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ', // a look-alike host
    'https://evil.example/watch?v=dQw4w9WgXcQ',
    'https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ', // credentials
    'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ', // a port
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>', // not an id
    'https://www.youtube.com/watch?v=../../x', // path tricks in the id
    'https://www.youtube.com/playlist?list=PL1234', // not a video
    'https://vimeo.com/channels/staffpicks', // not a video
    `https://tube.other.example/w/${SHORT}`, // PeerTube, but not a listed host
    `https://video.example.org/w/${SHORT}/../../admin`, // not a video path
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(parseLivestreamUrl(url, HOSTS)).toBeNull();
  });

  it('rebuilds the embed from the id only: nothing else of the pasted address reaches the frame', () => {
    const parsed = parseLivestreamUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ&autoplay=1#x', HOSTS);
    expect(parsed?.embedUrl).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
  });

  it('frames exactly the players it builds: YouTube no-cookie, Vimeo, the listed PeerTube hosts', () => {
    expect(livestreamFrameSources(HOSTS)).toEqual([
      'https://www.youtube-nocookie.com',
      'https://player.vimeo.com',
      'https://video.example.org',
    ]);
    expect(livestreamFrameSources([])).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
  });

  it('reads PEERTUBE_HOSTS as a list of host names and names a bad entry', () => {
    expect(parsePeertubeHosts(' Video.Example.org, tube.example.net ,')).toEqual([
      'video.example.org',
      'tube.example.net',
    ]);
    expect(parsePeertubeHosts(undefined)).toEqual([]);
    expect(() => parsePeertubeHosts('https://video.example.org')).toThrow(/https:\/\/video.example.org/);
    expect(() => parsePeertubeHosts('*.example.org')).toThrow(/not a host name/);
    expect(() => parsePeertubeHosts('video.example.org:8443')).toThrow(/not a host name/);
  });
});
