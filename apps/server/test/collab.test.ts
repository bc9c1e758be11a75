import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDocument, replay } from '../src/collab/documentStore.ts';
import { CollabClient } from './support/collabClient.ts';
import {
  connectMember,
  redeem,
  seedAssembly,
  startApp,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';
import { seededRandom } from './support/random.ts';

describe('co-drafting a standard', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
  });
  afterAll(() => running.close());

  const editor = async (invite: string, name: string) => {
    const cookie = await redeem(running.url, invite, name);
    const { socket } = await connectMember(running.url, cookie);
    const client = new CollabClient(socket, seed.docId);
    await client.open();
    return client;
  };

  it('converges two members after seeded random concurrent edits, and stores exactly what they see', async () => {
    const seedValue = Number(process.env.TEST_SEED ?? Date.now() % 100_000);
    console.info(`convergence seed: ${seedValue} (rerun with TEST_SEED=${seedValue})`);
    const random = seededRandom(seedValue);
    const [ada, ben] = [await editor(seed.memberInvites[0]!, 'Ada'), await editor(seed.memberInvites[1]!, 'Ben')];
    for (let round = 0; round < 200; round++) {
      const client = random() < 0.5 ? ada : ben;
      const text = client.text;
      if (text.length > 0 && random() < 0.3) {
        const at = Math.floor(random() * text.length);
        text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 3)));
      } else {
        text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + Math.floor(random() * 26)));
      }
    }
    await vi.waitFor(() => {
      expect(ada.unacked + ben.unacked).toBe(0);
      expect(ada.text.toString()).toBe(ben.text.toString());
    });
    expect(ada.refusals).toEqual([]);
    const live = await running.app.context.documents.open(seed.docId);
    expect(live.doc.getText('t').toString()).toBe(ada.text.toString());
    // Acked means stored: the log alone rebuilds what both members see.
    const stored = await loadDocument(running.db, seed.docId);
    expect(replay(stored.snapshot, stored.updates).getText('t').toString()).toBe(ada.text.toString());
    ada.socket.disconnect();
    ben.socket.disconnect();
  });

  it('does not echo an update to its sender, and relays it to the others', async () => {
    const [ada, ben] = [await editor(seed.memberInvites[0]!, 'Ada'), await editor(seed.memberInvites[2]!, 'Cy')];
    await vi.waitFor(() => expect(ada.unacked + ben.unacked).toBe(0));
    const before = ada.received.length;
    ada.text.insert(0, 'only once ');
    await vi.waitFor(() => expect(ben.text.toString().startsWith('only once ')).toBe(true));
    await vi.waitFor(() => expect(ada.unacked).toBe(0));
    expect(ada.received.length).toBe(before);
    ada.socket.disconnect();
    ben.socket.disconnect();
  });

  it('stamps the authenticated identity over whatever a client claims in awareness', async () => {
    const ada = await editor(seed.memberInvites[0]!, 'Ada');
    const ben = await editor(seed.memberInvites[1]!, 'Ben');
    const cy = await editor(seed.memberInvites[2]!, 'Cy');
    ada.setPresence({ user: { name: 'The Moderator', role: 'moderator', color: '#000' }, cursor: null });
    await vi.waitFor(() => expect(cy.awareness.getStates().get(ada.doc.clientID)).toBeDefined());
    expect(cy.awareness.getStates().get(ada.doc.clientID)?.user).toMatchObject({ name: 'Ada', role: 'member' });
    // Ben claims Ada's awareness client id: refused, so Cy still sees Ada's own state.
    const forged = new CollabClient(ben.socket, seed.docId);
    forged.doc.clientID = ada.doc.clientID;
    forged.awareness.clientID = ada.doc.clientID;
    forged.awareness.setLocalState({ cursor: 'forged' });
    forged.awareness.setLocalState({ cursor: 'forged', again: true });
    forged.setPresence({ cursor: 'forged', clock: 'ahead' });
    ben.setPresence({ cursor: null });
    await vi.waitFor(() => expect(cy.awareness.getStates().get(ben.doc.clientID)).toBeDefined());
    expect(cy.awareness.getStates().get(ada.doc.clientID)?.cursor).toBeNull();
    ada.socket.disconnect();
    await vi.waitFor(() => expect(cy.awareness.getStates().has(ada.doc.clientID)).toBe(false));
    ben.socket.disconnect();
    cy.socket.disconnect();
  });

  it('merges edits made while disconnected when the member comes back', async () => {
    const cookie = await redeem(running.url, seed.memberInvites[0]!, 'Ada');
    const ben = await editor(seed.memberInvites[1]!, 'Ben');
    const { socket } = await connectMember(running.url, cookie);
    const ada = new CollabClient(socket, seed.docId);
    await ada.open();
    await vi.waitFor(() => expect(ada.text.toString()).toBe(ben.text.toString()));
    socket.disconnect();
    ada.text.insert(0, '[offline] ');
    ben.text.insert(ben.text.length, ' [online]');
    const back = await connectMember(running.url, cookie);
    const resumed = await ada.moveTo(back.socket);
    await vi.waitFor(() => {
      expect(resumed.text.toString()).toBe(ben.text.toString());
      expect(resumed.refusals).toEqual([]);
      expect(ben.text.toString()).toContain('[offline] ');
      expect(ben.text.toString()).toContain(' [online]');
    });
    back.socket.disconnect();
    ben.socket.disconnect();
  });
});
