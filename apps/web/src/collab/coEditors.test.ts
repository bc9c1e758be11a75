import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
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
