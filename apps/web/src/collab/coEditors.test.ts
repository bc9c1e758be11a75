import { standardDocId } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { FakeDocServer } from '../../test/support/fakeDocServer.ts';
import { CollabProvider } from './CollabProvider.ts';
import { authorsOf } from './coEditors.ts';

describe('who wrote an update', () => {
  const mine = new Y.Doc();
  const awareness = new Awareness(mine);
  // Awareness states as received from the server, keyed by the co-editors' client ids.
  awareness.getStates().set(17, { user: { name: 'Member 17' }, cursor: {} });
  awareness.getStates().set(18, { user: { name: 'Grace Hopper' } });

  const updateBy = (clientID: number, edit: (text: Y.Text) => void, base?: Y.Doc) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    edit(doc.getText('t'));
    return { doc, update: updates[0]! };
  };

  it('names the authors of new content by their carets', () => {
    expect(authorsOf(updateBy(17, (t) => t.insert(0, 'Leaders')).update, awareness)).toEqual(['Member 17']);
    expect(authorsOf(updateBy(18, (t) => t.insert(0, 'x')).update, awareness)).toEqual(['Grace Hopper']);
  });

  it('knows no name for an author without a state, and no author for a pure deletion', () => {
    expect(authorsOf(updateBy(99, (t) => t.insert(0, 'x')).update, awareness)).toEqual([]);
    const { doc } = updateBy(17, (t) => t.insert(0, 'Leaders'));
    expect(authorsOf(updateBy(18, (t) => t.delete(0, 3), doc).update, awareness)).toBeNull();
  });
});

describe("telling co-editors' live edits from the opening load", () => {
  it('marks the initial merge as the provider, later edits from others as live, and resolves `synced`', async () => {
    const docId = standardDocId('00000000-0000-4000-8000-00000000000a');
    const server = new FakeDocServer();
    server.doc(docId).getText('t').insert(0, 'already there');
    const [a, b] = [server.connection(), server.connection()];
    const ada = new CollabProvider({ mode: 'edit', transport: a, user: { name: 'Ada', color: '#1f6feb' } });
    const grace = new CollabProvider({ mode: 'edit', transport: b, user: { name: 'Grace', color: '#1f6feb' } });
    try {
      const mine = ada.acquire(docId);
      const theirs = grace.acquire(docId);
      const origins: unknown[] = [];
      mine.doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
      a.connect();
      b.connect();
      server.run();
      await mine.synced;
      expect(origins).toEqual([ada]);

      theirs.doc.getText('t').insert(0, 'Grace: ');
      server.run();
      mine.doc.getText('t').insert(0, '!');
      expect(origins).toEqual([ada, ada.liveOrigin, null]);
      // Live edits are not echoed back: the server got Grace's text once and Ada's "!" once.
      server.run();
      expect(server.doc(docId).getText('t').toString()).toBe('!Grace: already there');
    } finally {
      ada.destroy();
      grace.destroy();
    }
  });
});
