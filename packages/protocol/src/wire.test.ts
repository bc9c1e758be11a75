import * as msgpack from 'socket.io-msgpack-parser';
import { describe, expect, it } from 'vitest';
import { SHARED_BINARY_BYTES, toBytes, toWireBinary, wireParser, withWireBinary } from './wire.ts';

const decode = (encoded: unknown) =>
  new Promise<{ data: [string, Record<string, unknown>] }>((resolve) => {
    const decoder = new msgpack.Decoder();
    decoder.on('decoded', resolve);
    decoder.add((encoded as unknown[])[0]);
  });

describe('binary on the wire', () => {
  it('normalises what arrives to Uint8Array and refuses what is not binary', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(toBytes(bytes)).toBe(bytes);
    expect(toBytes(bytes.buffer)).toEqual(bytes);
    expect(() => toBytes([0, new ArrayBuffer(4)] as unknown as Uint8Array)).toThrow(/Expected binary/);
  });

  it('copies exactly the bytes a view covers, in either runtime form', () => {
    const view = new Uint8Array([9, 9, 1, 2, 3, 9]).subarray(2, 5);
    const inNode = toWireBinary(view);
    expect(Buffer.isBuffer(inNode)).toBe(true);
    expect([...new Uint8Array(inNode as Uint8Array)]).toEqual([1, 2, 3]);
    const inBrowser = toWireBinary(view, null);
    expect(inBrowser).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(inBrowser as ArrayBuffer)]).toEqual([1, 2, 3]);
  });

  it('leaves the caller’s packet untouched', () => {
    const packet = { data: ['doc:sync', { docId: 'd', message: new Uint8Array([4, 5]) }], id: 7 };
    const out = withWireBinary(packet) as typeof packet;
    expect(out.id).toBe(7);
    expect(packet.data[1]).toHaveProperty('message', new Uint8Array([4, 5]));
  });

  it('sends a view inside a larger buffer as exactly its bytes (the plain parser would not)', async () => {
    const view = new Uint8Array([7, 0, 1, 250, 7]).subarray(1, 4);
    const packet = { type: 2, nsp: '/', data: ['doc:sync', { docId: 'd', message: view }] };
    const ours = await decode(new wireParser.Encoder().encode(packet));
    expect([...toBytes(ours.data[1].message as Uint8Array)]).toEqual([0, 1, 250]);
    const plain = await decode(new msgpack.Encoder().encode(packet));
    expect(plain.data[1].message).not.toBeInstanceOf(Uint8Array);
  });

  it('encodes a large binary sent again once, per packet shape, and small ones every time', async () => {
    const encoder = new wireParser.Encoder();
    // Identity, compared as a boolean: a matcher on two large buffers would diff them byte by byte.
    const same = (a: unknown, b: unknown) => a === b;
    const large = new Uint8Array(SHARED_BINARY_BYTES).fill(3);
    const sync = (nsp: string, docId: string) => ({ type: 2, nsp, data: ['doc:sync', { docId, message: large }] });
    const first = encoder.encode(sync('/', 'd')) as Uint8Array[];
    expect(same(encoder.encode(sync('/', 'd')), first)).toBe(true); // a new packet object, the same bytes
    const watch = encoder.encode(sync('/watch', 'd')) as Uint8Array[];
    expect(same(watch, first)).toBe(false);
    expect(same(encoder.encode(sync('/', 'e')), first)).toBe(false);
    const decoded = await decode(watch);
    expect(decoded.data[1].docId).toBe('d');
    expect(Buffer.from(toBytes(decoded.data[1].message as Uint8Array)).equals(large)).toBe(true);

    const small = new Uint8Array(SHARED_BINARY_BYTES - 1);
    const packet = { type: 2, nsp: '/', data: ['doc:sync', { docId: 'd', message: small }] };
    expect(same(encoder.encode(packet), encoder.encode(packet))).toBe(false);
    // Two binaries in one packet are never shared: the memo is keyed by one.
    const pair = { type: 2, nsp: '/', data: ['x', { a: large, b: large }] };
    expect(same(encoder.encode(pair), encoder.encode(pair))).toBe(false);
  });
});
