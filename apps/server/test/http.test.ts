import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/harness.ts';

describe('serving the web app', () => {
  let running: RunningApp;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = await mkdtemp(path.join(tmpdir(), 'moot-web-'));
    await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Moot</title>');
    running = await startApp({ webRoot });
  });
  afterAll(async () => {
    await running.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/join',
    '/assembly',
    '/assembly/charter',
    '/assembly/votes',
    '/assembly/cases',
    '/assembly/comments',
    '/assembly/record',
    '/organise/00000000-0000-4000-8000-000000000000/members',
    '/console',
    '/watch',
    '/present',
  ])('serves the app at %s (a reload works)', async (route) => {
    const response = await fetch(running.url + route);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Moot</title>');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('answers unknown API paths with 404, not the app', async () => {
    expect((await fetch(`${running.url}/api/nothing`)).status).toBe(404);
  });

  it('answers an unknown section of /assembly with 404, not the app', async () => {
    expect((await fetch(`${running.url}/assembly/nothing`)).status).toBe(404);
  });
});
