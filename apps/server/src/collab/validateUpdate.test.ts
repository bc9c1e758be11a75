import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate, inspectUpdate } from './validateUpdate.ts';

const updatesOf = (doc: Y.Doc): Uint8Array[] => {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return updates;
};

describe('checkUpdate', () => {
  it('accepts an update that continues the document, and one it already holds', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const sent = updatesOf(client);
    client.getText('t').insert(0, 'hello');
    client.getText('t').insert(5, ' world');
    expect(checkUpdate(server, sent[0]!)).toBeNull();
    Y.applyUpdate(server, sent[0]!);
    expect(checkUpdate(server, sent[1]!)).toBeNull();
    expect(checkUpdate(server, sent[0]!)).toBeNull();
  });

  it('refuses garbage and truncated updates', () => {
    const client = new Y.Doc();
    const sent = updatesOf(client);
    client.getText('t').insert(0, 'hello world');
    expect(checkUpdate(new Y.Doc(), new Uint8Array([1, 2, 3, 250, 250, 250]))).toBe('malformed');
    expect(checkUpdate(new Y.Doc(), sent[0]!.slice(0, sent[0]!.length - 3))).toBe('malformed');
  });

  it('refuses an update whose earlier history is missing (a clock gap)', () => {
    const client = new Y.Doc();
    const sent = updatesOf(client);
    client.getText('t').insert(0, 'a');
    client.getText('t').insert(1, 'b');
    expect(checkUpdate(new Y.Doc(), sent[1]!)).toBe('missing_dependencies');
  });

  it('refuses an insertion next to content from another client the server never saw', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    alice.getText('t').insert(0, 'alice');
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    const fromBob = updatesOf(bob);
    bob.getText('t').insert(2, 'B');
    expect(checkUpdate(new Y.Doc(), fromBob[0]!)).toBe('missing_dependencies');
  });

  it('refuses a deletion of content the server never saw', () => {
    const alice = new Y.Doc();
    alice.getText('t').insert(0, 'alice');
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    const fromBob = updatesOf(bob);
    bob.getText('t').delete(0, 2);
    expect(checkUpdate(new Y.Doc(), fromBob[0]!)).toBe('missing_dependencies');
    expect(checkUpdate(alice, fromBob[0]!)).toBeNull();
  });
});

describe('inspectUpdate', () => {
  it("reads each client's first clock from the same decode, as Y.parseUpdateMeta does", () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    alice.getText('t').insert(0, 'hello');
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(bob));
    const vector = Y.encodeStateVector(bob);
    alice.getText('t').insert(5, ' world');
    bob.getText('t').insert(0, 'Oh, ');
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice, vector));
    const merged = Y.encodeStateAsUpdate(bob, vector);
    const check = inspectUpdate(new Y.Doc(), Y.encodeStateAsUpdate(bob));
    expect(check.problem).toBeNull();
    expect(check.from).toEqual(Y.parseUpdateMeta(Y.encodeStateAsUpdate(bob)).from);
    const partial = inspectUpdate(server, merged);
    expect(partial.problem).toBeNull();
    expect(partial.from).toEqual(Y.parseUpdateMeta(merged).from);
    expect([...partial.from.values()].some((clock) => clock > 0)).toBe(true);
  });
});
