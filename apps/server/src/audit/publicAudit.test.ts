import { describe, expect, it } from 'vitest';
import { publicAuditRecord } from './publicAudit.ts';

const names = new Map([['p1', 'Member 2']]);
const nameOf = (id: string) => names.get(id) ?? null;
const subjectOf = (target: string) => (target === 's1' ? 'Honesty' : nameOf(target));
const entry = (action: string, detail: Record<string, unknown>, target?: string) => ({
  seq: 7,
  assemblyId: 'a',
  actorId: 'p1',
  action,
  target,
  detail,
  at: new Date(0),
});

describe('the public part of an audit entry', () => {
  it('keeps the listed detail fields and names the actor and the subject', () => {
    expect(
      publicAuditRecord(entry('standard.retitled', { title: 'Truth', extra: 'x' }, 's1'), nameOf, subjectOf),
    ).toEqual({
      seq: 7,
      at: '1970-01-01T00:00:00.000Z',
      actor: 'Member 2',
      action: 'standard.retitled',
      subject: 'Honesty',
      detail: { title: 'Truth' },
    });
  });

  it('publishes a participant field as a name, never as an id', () => {
    expect(publicAuditRecord(entry('queue.called', { participantId: 'p1' }), nameOf, subjectOf).detail).toEqual({
      participant: 'Member 2',
    });
    expect(publicAuditRecord(entry('queue.called', { participantId: null }), nameOf, subjectOf).detail).toEqual({});
    expect(publicAuditRecord(entry('queue.called', { participantId: 'elsewhere' }), nameOf, subjectOf).detail).toEqual(
      {},
    );
    expect(
      publicAuditRecord(entry('moderation.muted', { minutes: 5, reason: 'off_topic' }, 'p1'), nameOf, subjectOf),
    ).toMatchObject({
      subject: 'Member 2',
      detail: { minutes: 5, reason: 'off_topic' },
    });
  });

  it('shows no detail of an action the policy does not list, and drops values that are not plain', () => {
    expect(publicAuditRecord(entry('case.secret', { note: 'private' }), nameOf, subjectOf).detail).toEqual({});
    expect(publicAuditRecord(entry('vote.cast', { choice: 'yes' }), nameOf, subjectOf).detail).toEqual({});
    expect(
      publicAuditRecord(entry('standard.ladder_set', { steps: [{ nested: true }] }), nameOf, subjectOf).detail,
    ).toEqual({});
  });
});

describe('who took part in a vote', () => {
  it('publishes the participants as names sorted by name, whatever order they were stored in', () => {
    const people = new Map([
      ['z', 'Member 1'],
      ['a', 'Member 3'],
      ['m', 'Member 2'],
    ]);
    const of = (id: string) => people.get(id) ?? null;
    for (const order of [
      ['z', 'a', 'm'],
      ['m', 'z', 'a', 'nobody'],
    ]) {
      expect(publicAuditRecord(entry('vote.participants', { participantIds: order }), of, of).detail).toEqual({
        participants: ['Member 1', 'Member 2', 'Member 3'],
      });
    }
  });
});
