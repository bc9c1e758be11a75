import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTES } from '@moot/protocol';
import { createAssembly } from '../src/features/assemblies/assemblyStore.ts';
import { addStandard } from '../src/features/charter/charterStore.ts';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import type { Database } from '../src/storage/database.ts';
import { connectMember, redeem, startApp, type RunningApp } from './support/harness.ts';

const WEB = path.resolve(import.meta.dirname, '../../web');
const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3))';
/** A stack frame as Node prints it: never in anything a client receives. */
const STACK = /\bat .*\(?.*\.(ts|js):\d+:\d+\)?/;

/** The page the server sends: the build if there is one, else the source page (same scripts). */
function webRoot(): string {
  if (existsSync(path.join(WEB, 'dist/index.html'))) return path.join(WEB, 'dist');
  const root = mkdtempSync(path.join(tmpdir(), 'moot-web-'));
  writeFileSync(path.join(root, 'index.html'), readFileSync(path.join(WEB, 'index.html')));
  writeFileSync(path.join(root, 'favicon.svg'), readFileSync(path.join(WEB, 'public/favicon.svg')));
  return root;
}

describe('the web baseline', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ webRoot: webRoot() });
  });
  afterAll(() => running.close());

  const PAGES = [
    '/',
    '/join',
    '/assembly',
    '/assembly/charter',
    '/organise/00000000-0000-4000-8000-000000000000/members',
    '/console',
    '/watch',
    '/present',
  ];
  const OTHERS = ['/healthz', HTTP_ROUTES.session, '/no-such-page', '/socket.io/?EIO=4&transport=polling'];

  it.each([...PAGES, ...OTHERS])('%s carries the security headers and a CSP without inline script', async (route) => {
    const response = await fetch(running.url + route);
    const csp = response.headers.get('content-security-policy') ?? '';
    if (route.startsWith('/socket.io')) return; // engine.io answers the handshake itself, with no page
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    if (directives['default-src']?.[0] === "'none'") {
      // Express's own 404 page: nothing at all may load or run.
      expect(directives['script-src']).toBeUndefined();
    } else {
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['script-src-attr']).toEqual(["'none'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(directives['frame-ancestors']).toBeDefined();
      // Frames: only the livestream players (no PeerTube host is configured here), never 'self' or any host.
      expect(directives['frame-src']).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
    }
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toMatch(/SAMEORIGIN|DENY/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(await response.text()).not.toMatch(STACK);
  });

  it('serves pages whose every script is a file: no inline script, no inline handler', async () => {
    for (const route of PAGES) {
      const html = await (await fetch(running.url + route)).text();
      expect(html).toContain('<div id="root">');
      for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag).toMatch(/\bsrc=/);
      expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/); // no script body
      expect(html).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('links a favicon the CSP lets the page load, served as an SVG image with no script in it', async () => {
    const html = await (await fetch(running.url + '/')).text();
    expect(html).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\/favicon.svg"/);
    const icon = await fetch(running.url + '/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(icon.headers.get('x-content-type-options')).toBe('nosniff');
    const imgSrc = (icon.headers.get('content-security-policy') ?? '').match(/img-src ([^;]*)/)?.[1] ?? '';
    expect(imgSrc.split(/\s+/)).toContain("'self'");
    const svg = await icon.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script|\son[a-z]+=|href="(?!#)/i);
  });

  it('never puts text into the page as HTML: the web app has no innerHTML or dangerouslySetInnerHTML', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) {
          const source = readFileSync(file, 'utf8');
          if (/dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write\(/.test(source)) {
            offenders.push(path.relative(WEB, file));
          }
        }
      }
    };
    walk(path.join(WEB, 'src'));
    expect(offenders).toEqual([]);
  });
});

describe('script payloads in names, titles, charges and texts', () => {
  let running: RunningApp;
  let db: Database;
  let cookie: string;
  let watchKey: string;
  beforeAll(async () => {
    running = await startApp();
    db = running.db;
    const created = await createAssembly(db, { title: PAYLOAD.slice(0, 200), charge: PAYLOAD });
    watchKey = created.watchKey;
    const moderator = await inviteParticipant(db, created.assembly.id, 'moderator');
    await addStandard(db, created.assembly.id, moderator.participant.id, PAYLOAD.slice(0, 200));
    cookie = await redeem(running.url, moderator.inviteSecret, '<img src=x onerror=alert(4)>');
  });
  afterAll(() => running.close());

  it('the Markdown export keeps them as words: no tag, no link survives', async () => {
    const response = await fetch(running.url + HTTP_ROUTES.charterMarkdown, { headers: { cookie } });
    expect(response.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
    const markdown = await response.text();
    expect(markdown).toContain('alert'); // the words are there...
    expect(markdown).not.toMatch(/(^|[^\\])<(script|img)/im); // ...but no tag a renderer would open
    expect(markdown).not.toMatch(/[^\\]\[x\]\(javascript:/);
  });

  it('JSON answers are JSON attachments or data, never a page a browser would render', async () => {
    const exported = await fetch(running.url + HTTP_ROUTES.charterJson, { headers: { 'x-moot-watch-key': watchKey } });
    expect(exported.headers.get('content-type')).toMatch(/^application\/json/);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment/);
    const session = await fetch(running.url + HTTP_ROUTES.session, { headers: { cookie } });
    expect(session.headers.get('content-type')).toMatch(/^application\/json/);
    expect(session.headers.get('x-content-type-options')).toBe('nosniff');
    // Names travel as data (the snapshot), for React to render as text.
    const { socket, snapshot } = await connectMember(running.url, cookie);
    expect(JSON.stringify(snapshot)).toContain('onerror=alert(4)');
    socket.disconnect();
  });
});

describe('errors reach the client without a stack', () => {
  it('a malformed body, an oversized body and a failing database answer with a code and a sentence', async () => {
    const running = await startApp();
    const post = (body: string) =>
      fetch(running.url + HTTP_ROUTES.redeemInvite, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const malformed = await post('{"secret": ');
    expect(malformed.status).toBe(400);
    const tooLarge = await post(JSON.stringify({ secret: 'x'.repeat(64 * 1024) }));
    expect(tooLarge.status).toBe(413);
    const realQuery = running.db.query.bind(running.db);
    running.db.query = (() => Promise.reject(new Error('connection refused at db.internal:5432'))) as never;
    const failing = await fetch(running.url + HTTP_ROUTES.session, { headers: { cookie: 'moot_session=abc' } });
    running.db.query = realQuery;
    expect(failing.status).toBe(500);
    for (const response of [malformed, tooLarge, failing]) {
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      expect(text).not.toMatch(STACK);
      expect(text).not.toContain('db.internal');
    }
    await running.close();
  });
});
