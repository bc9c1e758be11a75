import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HTTP_ROUTES, WATCH_KEY_HEADER, type CharterExport } from '@moot/protocol';
import { newSecret } from '../src/storage/secrets.ts';
import { CollabClient, paragraph } from './support/collabClient.ts';
import {
  connectMember,
  redeem,
  seedAssembly,
  startApp,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';

describe('exporting the charter', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let cookie: string;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    cookie = await redeem(running.url, seed.memberInvites[0]!, 'Ada');
    const editor = new CollabClient((await connectMember(running.url, cookie)).socket, seed.docId);
    await editor.open();
    // The same structure the browser's editor writes: paragraphs in the `text` and `breach` fields.
    editor.doc.transact(() => {
      editor.doc.getXmlFragment('text').insert(0, [paragraph('Leaders tell the truth <script>alert(1)</script>')]);
      editor.doc.getXmlFragment('breach').insert(0, [paragraph('A knowingly false statement')]);
    });
    await vi.waitFor(() => expect(editor.unacked).toBe(0));
    editor.socket.disconnect();
  });
  afterAll(() => running.close());

  const get = (route: string, headers: Record<string, string> = {}) => fetch(running.url + route, { headers });

  it('gives members (by session) and observers (by watch key) the stored text, status and fields', async () => {
    const asMember = (await (await get(HTTP_ROUTES.charterJson, { cookie })).json()) as CharterExport;
    const asObserver = (await (
      await get(HTTP_ROUTES.charterJson, { [WATCH_KEY_HEADER]: seed.watchKey })
    ).json()) as CharterExport;
    expect({ ...asObserver, exportedAt: '' }).toEqual({ ...asMember, exportedAt: '' });
    expect(asMember.assembly.charge).toBe('What should leaders do?');
    expect(asMember.standards[0]).toMatchObject({
      position: 1,
      title: 'Honesty',
      status: 'drafting',
      breach: 'A knowingly false statement',
      history: [],
      votes: [],
      minorityReports: [],
    });
    expect(asMember.standards[0]!.text).toContain('Leaders tell the truth');
  });

  it('writes Markdown where typed markup stays literal', async () => {
    const response = await get(HTTP_ROUTES.charterMarkdown, { cookie });
    expect(response.headers.get('content-type')).toMatch(/text\/markdown/);
    const markdown = await response.text();
    expect(markdown).toContain('## 1. Honesty (drafting)');
    expect(markdown).toContain('### What a breach looks like');
    expect(markdown).not.toContain('<script>');
  });

  it('refuses anyone without a session or a valid watch key', async () => {
    expect((await get(HTTP_ROUTES.charterJson)).status).toBe(401);
    expect((await get(HTTP_ROUTES.charterJson, { [WATCH_KEY_HEADER]: newSecret() })).status).toBe(401);
    expect((await get(HTTP_ROUTES.charterMarkdown, { [WATCH_KEY_HEADER]: 'not a key' })).status).toBe(401);
  });
});
