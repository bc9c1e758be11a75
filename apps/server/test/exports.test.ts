import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HTTP_ROUTES, markdownIn, WATCH_KEY_HEADER, type CharterExport } from '@moot/protocol';
import { readMaps } from '../src/features/consensus/markStore.ts';
import { consensusSummary } from '../src/features/consensus/consensusSummary.ts';
import { newSecret } from '../src/storage/secrets.ts';
import { CollabClient, paragraph } from './support/collabClient.ts';
import {
  acked,
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
  let firstParagraph: string;
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
    const { client, clock } = editor.doc.getXmlFragment('text').get(0)._item!.id;
    firstParagraph = `${client}:${clock}`;
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
      consensus: null, // nobody has marked a paragraph yet
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

  it('carries each standard’s consensus map as the report does, in JSON and in Markdown (English and Welsh)', async () => {
    const marks = ['agree', 'agree', 'disagree'] as const;
    for (const [i, mark] of marks.entries()) {
      const { socket } = await connectMember(running.url, await redeem(running.url, seed.memberInvites[i]!, `M${i}`));
      acked(
        await socket.emitWithAck('consensus:mark', { standardId: seed.standardId, paragraph: firstParagraph, mark }),
      );
      socket.disconnect();
    }
    await vi.waitFor(async () =>
      expect((await readMaps(running.db, seed.assemblyId))[0]?.paragraphs[0]).toMatchObject({ agree: 2, disagree: 1 }),
    );
    const [stored] = await readMaps(running.db, seed.assemblyId);

    const charter = (await (
      await get(HTTP_ROUTES.charterJson, { [WATCH_KEY_HEADER]: seed.watchKey })
    ).json()) as CharterExport;
    const consensus = charter.standards[0]!.consensus;
    // The stored map, summed up by the same function as the report's: never recomputed apart.
    expect(consensus).toEqual(consensusSummary(stored));
    expect(consensus).toMatchObject({
      members: 3,
      groups: 1,
      paragraphs: [{ agree: 2, disagree: 1, pass: 0, reading: 'agreement' }],
    });
    expect(consensus!.paragraphs[0]!.bridging).toBeCloseTo(3 / 5, 12); // one group of three: (2 + 1) / (3 + 2)
    expect(JSON.stringify(consensus)).not.toContain(firstParagraph); // aggregates only, no paragraph key

    const markdown = await (await get(HTTP_ROUTES.charterMarkdown, { cookie })).text();
    expect(markdown).toContain('### Consensus map\n\n3 members marked its paragraphs, in 1 opinion group.');
    expect(markdown).toContain('| Paragraph | Agree | Disagree | Pass | Bridging | Reading |');
    // The opening is the member's text, escaped like everything typed (no raw tag, no bare pipe).
    expect(markdown).toMatch(
      /^\| Leaders tell the truth \\<script\\>.* \| 2 \| 1 \| 0 \| 0\.60 \| broad agreement \|$/m,
    );
    const welsh = await (await get(markdownIn(HTTP_ROUTES.charterMarkdown, 'cy'), { cookie })).text();
    expect(welsh).toContain('### Map consensws\n\nMarciodd 3 aelod ei pharagraffau, mewn 1 grŵp barn.');
    expect(welsh).toMatch(/\| 2 \| 1 \| 0 \| 0\.60 \| cytundeb eang \|$/m);
  });

  it('refuses anyone without a session or a valid watch key', async () => {
    expect((await get(HTTP_ROUTES.charterJson)).status).toBe(401);
    expect((await get(HTTP_ROUTES.charterJson, { [WATCH_KEY_HEADER]: newSecret() })).status).toBe(401);
    expect((await get(HTTP_ROUTES.charterMarkdown, { [WATCH_KEY_HEADER]: 'not a key' })).status).toBe(401);
  });
});
