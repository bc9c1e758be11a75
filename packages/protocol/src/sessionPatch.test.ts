import { describe, expect, it, vi } from 'vitest';
import type { HandView, SessionState } from './session.ts';
import { applySessionPatch, compareVersions, diffSession, diffValue, applyChange } from './sessionPatch.ts';
import { SessionReplica } from './sessionReplica.ts';

/** A small seeded generator (mulberry32), so a failing sequence can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

const hand = (i: number, kind: HandView['kind'] = 'new_point'): HandView => ({
  id: `h${i}`,
  participantId: `p${i}`,
  name: `Member ${i}`,
  kind,
  raisedAt: 1_000 + i,
  raisedBy: null,
});

function baseState(version: string): SessionState {
  return {
    version,
    id: 's1',
    title: 'Sitting',
    status: 'live',
    queueMode: 'fifo',
    turnLimitSeconds: 180,
    agenda: [],
    currentItemId: null,
    groupRepeats: null,
    attendees: Array.from({ length: 100 }, (_, i) => ({
      participantId: `p${i}`,
      name: `Member ${i}`,
      role: 'member' as const,
      checkedIn: true,
      checkedOut: false,
      online: true,
      mutedUntil: null,
      removed: false,
    })),
    queue: Array.from({ length: 60 }, (_, i) => hand(i)),
    turn: null,
    groups: [],
    announcements: [],
    moderationLog: [],
    equity: null,
  };
}

/** One random change of the kinds commands make: entries in, out, moved, edited; scalars and objects replaced. */
function mutate(state: SessionState, r: ReturnType<typeof random>, n: number): SessionState {
  const s = structuredClone(state);
  switch (r.int(8)) {
    case 0:
      s.queue.splice(r.int(s.queue.length + 1), 0, hand(1000 + n, r.pick(['point_of_process', 'new_point'] as const)));
      break;
    case 1:
      if (s.queue.length) s.queue.splice(r.int(s.queue.length), 1);
      break;
    case 2: {
      if (s.queue.length < 2) break;
      const [moved] = s.queue.splice(r.int(s.queue.length), 1);
      s.queue.splice(r.int(s.queue.length + 1), 0, moved!);
      break;
    }
    case 3: {
      const a = s.attendees[r.int(s.attendees.length)]!;
      a.online = !a.online;
      a.mutedUntil = r.next() < 0.5 ? null : 5_000 + n;
      break;
    }
    case 4:
      s.turn =
        r.next() < 0.3 ? null : { handId: `h${n}`, participantId: `p${n % 7}`, name: 'X', startedAt: n, endsAt: n + 1 };
      break;
    case 5:
      s.agenda.push({
        id: `a${n}`,
        position: s.agenda.length,
        title: `Item ${n}`,
        kind: 'deliberate',
        plannedMinutes: 5,
        standardIds: [],
        caseId: null,
        status: 'pending',
        endsAt: null,
        remainingMs: null,
      });
      break;
    case 6:
      s.queue.reverse();
      break;
    default:
      s.title = `Sitting ${n}`;
      s.equity = r.next() < 0.5 ? null : { rows: [], shareWhoSpoke: r.next(), gini: r.next(), giniSeries: [] };
  }
  s.version = `e.${n}`;
  return s;
}

describe('session patches', () => {
  it('take any view to the next exactly, over random sequences of changes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = random(seed);
      let held = baseState('e.0');
      let truth = held;
      for (let n = 1; n <= 60; n++) {
        truth = mutate(truth, r, n);
        const patch = diffSession(held, truth)!;
        held = applySessionPatch(held, structuredClone(patch))!;
        expect(held, `seed ${seed}, step ${n}`).toEqual(truth);
      }
    }
  });

  it('carry one queue entry for a raised hand, not the queue', () => {
    const before = baseState('e.1');
    const after = { ...before, version: 'e.2', queue: [...before.queue, hand(60)] };
    const patch = diffSession(before, after)!;
    expect(Object.keys(patch.changes)).toEqual(['queue']);
    expect(JSON.stringify(patch).length).toBeLessThan(300);
    expect(JSON.stringify(after).length).toBeGreaterThan(10_000);
  });

  it('replace a value whole when that is smaller than describing the change', () => {
    expect(diffValue([{ id: 'a' }], [{ id: 'b' }])).toEqual({ set: [{ id: 'b' }] });
    expect(diffValue(3, 4)).toEqual({ set: 4 });
    expect(diffValue({ a: 1 }, { a: 1 })).toBeNull();
    expect(applyChange([1], { set: null })).toBeNull();
  });

  it('do not apply to another version, nor to no state', () => {
    const a = baseState('e.1');
    const patch = diffSession(a, { ...a, version: 'e.2', title: 'Other' })!;
    expect(applySessionPatch({ ...a, version: 'e.0' }, patch)).toBeNull();
    expect(applySessionPatch(null, patch)).toBeNull();
    expect(
      applySessionPatch(a, { ...patch, changes: { queue: { list: { key: 'id', insert: [[999, {}]] } } } }),
    ).toBeNull();
  });

  it('order versions within an epoch only', () => {
    expect(compareVersions('x.10', 'x.9')).toBeGreaterThan(0);
    expect(compareVersions('x.3', 'x.3')).toBe(0);
    expect(compareVersions('x.3', 'y.9')).toBeNull();
    expect(compareVersions('junk', 'junk')).toBe(0);
    expect(compareVersions('junk', 'x.1')).toBeNull();
  });
});

describe('a replica of the session', () => {
  /** A server whose head moves through `views`; the replica asks it when it finds a gap. */
  function harness() {
    const views = [baseState('e.0')];
    const r = random(7);
    for (let n = 1; n <= 30; n++) views.push(mutate(views[n - 1]!, r, n));
    const patches = views.slice(1).map((v, i) => diffSession(views[i]!, v)!);
    let head = 0;
    const answers: ((s: SessionState) => void)[] = [];
    const replica = new SessionReplica(() => new Promise((resolve) => answers.push(resolve)));
    const answer = (at = head) => answers.shift()!(structuredClone(views[at]!));
    return { views, patches, replica, answers, answer, moveHead: (to: number) => (head = to) };
  }

  it('applies patches in order and asks for nothing', () => {
    const { views, patches, replica } = harness();
    replica.replace(structuredClone(views[0]!));
    for (const p of patches) replica.patch(structuredClone(p));
    expect(replica.state).toEqual(views[30]);
    expect(replica.asked).toBe(0);
  });

  it('asks once after a missed patch, and ends where the server is', async () => {
    const { views, patches, replica, answers, answer, moveHead } = harness();
    replica.replace(structuredClone(views[0]!));
    replica.patch(patches[0]!);
    replica.patch(patches[2]!); // patch 1 was lost
    expect(replica.asked).toBe(1);
    // Patches keep coming while it asks; the answer is view 3, so 3→4 and 4→5 follow from it.
    replica.patch(patches[3]!);
    replica.patch(patches[4]!);
    moveHead(3);
    answer();
    await vi.waitFor(() => expect(replica.state?.version).toBe(views[5]!.version));
    expect(replica.state).toEqual(views[5]);
    expect(replica.asked).toBe(1);
    expect(answers).toHaveLength(0);
  });

  it('asks again when its answer was already behind a patch that arrived meanwhile', async () => {
    const { views, patches, replica, answers, answer } = harness();
    replica.replace(structuredClone(views[0]!));
    replica.patch(patches[5]!); // a gap
    replica.patch(patches[9]!); // 9→10 arrives while asking; the answer (view 6) does not lead to it
    answer(6);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(replica.asked).toBe(2);
    answer(10);
    await vi.waitFor(() => expect(replica.state?.version).toBe(views[10]!.version));
    expect(replica.state).toEqual(views[10]);
  });

  it('ignores a patch or a whole state older than what it holds', () => {
    const { views, patches, replica } = harness();
    replica.replace(structuredClone(views[4]!));
    replica.patch(patches[1]!);
    replica.replace(structuredClone(views[2]!));
    expect(replica.state).toEqual(views[4]);
    expect(replica.asked).toBe(0);
  });
});
