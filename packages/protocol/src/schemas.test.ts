import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { parsePayload } from './parse.ts';
import { PERMISSIONS } from './permissions.ts';
import { SCHEMAS } from './schemas.ts';

const uuid = '0b7d1b34-5d0e-4d0b-9c35-7f3d1f0c2a11';
const docId = `standard:${uuid}`;

describe('payload schemas', () => {
  it.each([
    ['standard:add', { title: 'Honesty' }],
    ['standard:retitle', { standardId: uuid, title: ' Openness ' }],
    ['standard:move', { standardId: uuid, toIndex: 0 }],
    ['standard:remove', { standardId: uuid }],
    ['doc:open', { docId }],
    ['doc:close', { docId }],
    ['doc:sync', { docId, message: new Uint8Array([0, 1, 0]) }],
    ['doc:sync', { docId, message: new Uint8Array([2, 0]).buffer }],
    ['doc:awareness', { docId, update: new Uint8Array([1]) }],
  ] as const)('accepts a valid %s', (event, payload) => {
    expect(parsePayload(SCHEMAS.assembly[event], payload).ok).toBe(true);
  });

  it('trims titles and normalises ArrayBuffers to Uint8Array', () => {
    const added = parsePayload(SCHEMAS.assembly['standard:add'], { title: '  Care  ' });
    expect(added).toEqual({ ok: true, value: { title: 'Care' } });
    const synced = parsePayload(SCHEMAS.assembly['doc:sync'], { docId, message: new Uint8Array([2, 0]).buffer });
    expect(synced.ok && synced.value.message).toBeInstanceOf(Uint8Array);
  });

  it.each([
    ['standard:add', { title: '   ' }, 'bad_request'],
    ['standard:add', { title: 'x'.repeat(LIMITS.maxTitleLength + 1) }, 'bad_request'],
    ['standard:add', { title: 'ok', extra: 1 }, 'bad_request'],
    ['standard:add', 'Honesty', 'bad_request'],
    ['standard:move', { standardId: uuid, toIndex: -1 }, 'bad_request'],
    ['standard:move', { standardId: uuid, toIndex: 1.5 }, 'bad_request'],
    ['standard:remove', { standardId: 'not-a-uuid' }, 'bad_request'],
    ['doc:open', { docId: 'standard:../../etc' }, 'bad_request'],
    ['doc:open', { docId: `standard:${uuid}`, more: true }, 'bad_request'],
    ['doc:sync', { docId, message: 'AAEC' }, 'bad_request'],
    ['doc:sync', { docId, message: new Uint8Array(0) }, 'bad_request'],
    ['doc:sync', { docId, message: new Uint8Array(LIMITS.maxSyncMessageBytes + 1) }, 'too_large'],
    ['doc:awareness', { docId, update: new Uint8Array(LIMITS.maxAwarenessBytes + 1) }, 'too_large'],
  ] as const)('refuses %s %j with %s', (event, payload, code) => {
    const result = parsePayload(SCHEMAS.assembly[event], payload);
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('has a schema for exactly the events in the permissions table', () => {
    expect(Object.keys(SCHEMAS.assembly).sort()).toEqual(Object.keys(PERMISSIONS.assembly).sort());
    expect(Object.keys(SCHEMAS.watch).sort()).toEqual(Object.keys(PERMISSIONS.watch).sort());
  });

  it('never lets an observer send on the assembly namespace, nor anyone else on the watch namespace', () => {
    for (const roles of Object.values(PERMISSIONS.assembly)) expect(roles).not.toContain('observer');
    for (const roles of Object.values(PERMISSIONS.watch)) expect(roles).toEqual(['observer']);
  });
});

describe('PROTOCOL.md', () => {
  it('documents every client event', () => {
    const doc = readFileSync(new URL('../PROTOCOL.md', import.meta.url), 'utf8');
    const events = [...Object.keys(SCHEMAS.assembly), ...Object.keys(SCHEMAS.watch)];
    expect(events.filter((event) => !doc.includes(`\`${event}\``))).toEqual([]);
  });
});
