import { describe, expect, it } from 'vitest';
import { agendaTimes, type AgendaEvent } from './agendaTimes.ts';

const at = (seconds: number) => new Date(seconds * 1000);
const event = (action: string, target: string | undefined, seconds: number): AgendaEvent => ({
  action,
  target,
  at: at(seconds),
});

describe('agenda items actual running time, replayed from the audit log', () => {
  it('adds up the spells an item ran, across pauses and a resume', () => {
    const ran = agendaTimes(
      ['a', 'b'],
      [
        event('agenda.started', 'a', 0),
        event('agenda.paused', 'a', 60),
        event('agenda.started', 'a', 100),
        event('agenda.ended', 'a', 130),
      ],
      at(1000),
    );
    expect(ran).toEqual(new Map([['a', 90_000]]));
  });

  it('pauses the running item when another starts, and "next" runs the first item not done', () => {
    const ran = agendaTimes(
      ['a', 'b', 'c'],
      [
        event('agenda.started', 'b', 0),
        event('agenda.started', 'a', 10), // b paused after 10 s
        event('agenda.next', 'session', 40), // a done after 30 s; b (paused) is the first not done
        event('agenda.next', 'session', 45), // b done (+5 s); c runs
        event('session.ended', 'session', 65), // c done after 20 s
      ],
      at(1000),
    );
    expect(ran).toEqual(
      new Map([
        ['a', 30_000],
        ['b', 15_000],
        ['c', 20_000],
      ]),
    );
  });

  it('counts an item still running up to now, and never restarts an ended or unknown item', () => {
    const ran = agendaTimes(
      ['a', 'b'],
      [
        event('agenda.ended', 'a', 0),
        event('agenda.started', 'a', 5),
        event('agenda.started', 'removed', 6),
        event('agenda.started', 'b', 10),
      ],
      at(25),
    );
    expect(ran).toEqual(new Map([['b', 15_000]]));
  });
});
