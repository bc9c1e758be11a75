import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { diffSession, sameValue, type ProgrammeState, type Role, type SessionState } from '@moot/protocol';
import type { SharedHeads } from '../../cluster/sharedHeads.ts';
import { SerialBursts } from '../../realtime/serialBursts.ts';
import { readTogether } from '../../storage/readTogether.ts';
import { publishHearings } from '../cases/leaderHearing.ts';
import { listParticipants } from '../identity/participantStore.ts';
import { assemblyRoom, audienceRoom, type MootServer, type WatchNamespace } from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { finishedTurns, listAttendance, openHands, speakingTotals } from './floorStore.ts';
import { groupHistory, latestGroups } from './groupStore.ts';
import { activeAnnouncements, moderationLog } from './moderationStore.ts';
import { assemblyTimeZone, listProgrammeItems, listSittings } from './programmeStore.ts';
import { programmeFor, type ProgrammeFacts } from './programmeView.ts';
import { currentSession, listAgenda } from './sessionStore.ts';
import { viewFor, type SessionFacts, type SessionView } from './sessionView.ts';

/** A command's change goes out this long after it (the commands of a burst go out together). */
const GATHER_MS = 15;
/** Arrivals and departures settle for longer: a crowd connecting is one broadcast. */
const PRESENCE_MS = 200;
/** The published views are derived data: kept this long after the last change. */
const HEAD_TTL_MS = 6 * 3600 * 1000;
/** Another node publishing at the same moment makes a compare-and-set fail; reload and retry this often. */
const MAX_ATTEMPTS = 20;

const AUDIENCES = ['moderator', 'member', 'observer'] as const satisfies readonly Role[];
/** Who a view is shaped for: facilitators and note-takers get the members' (`audienceOf`). */
type Audience = (typeof AUDIENCES)[number];
type Views = Record<Audience, SessionState | null>;

/** What the nodes share per assembly: the views last published and the count that versions them. */
interface Head {
  epoch: string;
  n: number;
  views: Views;
}
const headVersion = (head: Head) => `${head.epoch}.${head.n}`;
const headName = (assemblyId: string) => `session:${assemblyId}`;

/**
 * Sends the session to everyone after each change, as what changed (`session:patch`): the facts
 * are loaded from the database (the truth), shaped per audience, and compared with the views
 * last published, which the nodes share as one head per assembly (`SharedHeads`: Redis, or
 * memory on one node). The head advances by compare-and-set, so publishes are one at a time
 * across nodes and every patch's base is the version before it; a node that loses the race
 * reloads and tries again. Changes are gathered per assembly (`SerialBursts`), the command's
 * ack never waits for them, and participants get theirs before the (larger) watch room.
 */
export class SessionPublisher {
  /** The last head this node read or wrote, per assembly, so an unchanged head is not read again. */
  private readonly known = new Map<string, Head>();
  private readonly bursts = new SerialBursts((assemblyId) => this.publishNow(assemblyId));

  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
    private readonly heads: SharedHeads,
    private readonly logger?: Logger,
  ) {}

  /**
   * Everything the views are made of, read in one read-only transaction: one snapshot (the
   * views never mix before and after a change) on one pooled connection, so a publish never
   * takes the connections the commands of a busy room are waiting for.
   */
  async facts(assemblyId: string): Promise<SessionFacts | null> {
    const online = this.onlineParticipants(assemblyId);
    const read = await this.db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const session = await currentSession(tx, assemblyId);
      if (!session) return null;
      return readTogether({
        session,
        agenda: listAgenda(tx, session.id),
        participants: listParticipants(tx, assemblyId),
        muted: tx.query<{ id: string; mutedUntil: Date | null }>(
          'SELECT id, muted_until AS "mutedUntil" FROM participants WHERE assembly_id = $1',
          [assemblyId],
        ),
        attendance: listAttendance(tx, session.id),
        hands: openHands(tx, session.id),
        totals: speakingTotals(tx, assemblyId, session.id),
        turns: finishedTurns(tx, session.id),
        groups: latestGroups(tx, session.id),
        announcements: activeAnnouncements(tx, assemblyId, session.since),
        moderation: moderationLog(tx, assemblyId, session.since),
      });
    });
    if (!read) return null;
    const { participants, muted, ...rest } = read;
    const mutedUntil = new Map(muted.map((m) => [m.id, m.mutedUntil?.getTime() ?? null]));
    // While groups run, the earlier splits they are judged against (repeat pairs, for moderators).
    const history = rest.groups.some((g) => !g.ended)
      ? await groupHistory(
          this.db,
          assemblyId,
          rest.groups.map((g) => g.id),
        )
      : null;
    return {
      ...rest,
      participants: participants.map((p) => ({ ...p, mutedUntil: mutedUntil.get(p.id) ?? null })),
      online: await online,
      groupHistory: history,
      now: Date.now(),
    };
  }

  /**
   * The whole view for one audience, as last published (what a connecting or resyncing client
   * gets: later patches follow from it). Without a head yet, one is published first; when the
   * heads cannot be reached, a fresh view under a version no patch has as its base.
   */
  async stateFor(assemblyId: string, audience: Audience): Promise<SessionState | null> {
    try {
      const head = (await this.head(assemblyId)) ?? (await this.publish(assemblyId, 0), await this.head(assemblyId));
      if (head) return head.views[audience];
    } catch (err) {
      this.logger?.warn({ err, assemblyId }, 'session head unavailable: sending a fresh view');
    }
    const facts = await this.facts(assemblyId);
    return facts ? { version: `${randomUUID()}.0`, ...viewFor(facts, audience) } : null;
  }

  /** Publishes what changed soon (gathered with the rest of the burst); resolves once it went out. */
  publish(assemblyId: string, delayMs = GATHER_MS): Promise<void> {
    return this.bursts.schedule(assemblyId, delayMs);
  }

  /** A command changed the session: publish soon, without anyone waiting for it. */
  changed(assemblyId: string): void {
    void this.publish(assemblyId);
  }

  async programmeFacts(assemblyId: string): Promise<ProgrammeFacts> {
    const [timeZone, current, sittings, items] = await Promise.all([
      assemblyTimeZone(this.db, assemblyId),
      currentSession(this.db, assemblyId),
      listSittings(this.db, assemblyId),
      listProgrammeItems(this.db, assemblyId),
    ]);
    return { timeZone, currentId: current?.id ?? null, sittings, items };
  }

  async programmeState(assemblyId: string, audience: Role): Promise<ProgrammeState> {
    return programmeFor(await this.programmeFacts(assemblyId), audience);
  }

  /** The programme to every audience: after any change to a sitting, its agenda or which one is current. */
  async publishProgramme(assemblyId: string): Promise<void> {
    const facts = await this.programmeFacts(assemblyId);
    const forMembers = programmeFor(facts, 'member');
    this.io.to(audienceRoom(assemblyId, 'moderator')).emit('programme:state', forMembers);
    this.io.to(audienceRoom(assemblyId, 'member')).emit('programme:state', forMembers);
    this.watch.to(assemblyRoom(assemblyId)).emit('programme:state', programmeFor(facts, 'observer'));
  }

  /** Someone connected or left: publish once the burst settles. */
  presenceChanged(assemblyId: string): void {
    void this.publish(assemblyId, PRESENCE_MS);
  }

  close(): void {
    this.bursts.close();
  }

  /** The shared head, read again only when its version is not the one this node last saw. */
  private async head(assemblyId: string): Promise<Head | null> {
    const name = headName(assemblyId);
    const version = await this.heads.version(name);
    const known = this.known.get(assemblyId);
    if (version === null) {
      this.known.delete(assemblyId);
      return null;
    }
    if (known && headVersion(known) === version) return known;
    const stored = await this.heads.read(name);
    if (!stored) return null;
    const head = JSON.parse(stored.data) as Head;
    this.known.set(assemblyId, head);
    return head;
  }

  private async publishNow(assemblyId: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let base: Head | null;
      try {
        base = await this.head(assemblyId);
      } catch (err) {
        this.logger?.warn({ err, assemblyId }, 'session head unavailable: sending the whole state');
        return this.publishWhole(assemblyId);
      }
      const facts = await this.facts(assemblyId);
      // As it travels: what JSON would drop (an undefined field) is not a change.
      const fresh = Object.fromEntries(
        AUDIENCES.map((a) => [a, facts ? (JSON.parse(JSON.stringify(viewFor(facts, a))) as SessionView) : null]),
      ) as Record<Audience, SessionView | null>;
      const changed = AUDIENCES.filter((a) => !base || !sameView(base.views[a], fresh[a]));
      if (base && changed.length === 0) return;
      const next: Head = {
        epoch: base?.epoch ?? randomUUID().slice(0, 8),
        n: (base?.n ?? 0) + 1,
        views: base?.views ?? { moderator: null, member: null, observer: null },
      };
      const version = headVersion(next);
      next.views = { ...next.views };
      for (const a of changed) next.views[a] = fresh[a] && { version, ...fresh[a] };
      let advanced: boolean;
      try {
        advanced = await this.heads.advance(
          headName(assemblyId),
          base ? headVersion(base) : null,
          { version, data: JSON.stringify(next) },
          HEAD_TTL_MS,
        );
      } catch (err) {
        this.logger?.warn({ err, assemblyId }, 'session head unavailable: sending the whole state');
        return this.publishWhole(assemblyId);
      }
      if (!advanced) continue; // another node published first: start again from its head
      this.known.set(assemblyId, next);
      return this.emit(assemblyId, changed, base, next);
    }
    this.logger?.error({ assemblyId }, 'session not published: the head kept moving');
  }

  /** Participants first; then, after letting waiting I/O (their commands, acks) through, observers. */
  private async emit(assemblyId: string, changed: Audience[], base: Head | null, next: Head): Promise<void> {
    const message = (audience: Audience) => {
      const before = base?.views[audience] ?? null;
      const after = next.views[audience];
      const patch = before && after ? diffSession(before, after) : null;
      return patch ? ({ event: 'session:patch', patch } as const) : ({ event: 'session:state', state: after } as const);
    };
    for (const audience of ['moderator', 'member'] as const) {
      if (!changed.includes(audience)) continue;
      const m = message(audience);
      const room = this.io.to(audienceRoom(assemblyId, audience));
      if (m.event === 'session:patch') room.emit(m.event, m.patch);
      else room.emit(m.event, m.state);
    }
    if (!changed.includes('observer')) return;
    await new Promise((resolve) => setImmediate(resolve));
    const m = message('observer');
    const room = this.watch.to(assemblyRoom(assemblyId));
    if (m.event === 'session:patch') room.emit(m.event, m.patch);
    else room.emit(m.event, m.state);
    await this.hearings(assemblyId, base?.views.observer ?? null, next.views.observer);
  }

  /** A leader follows their case's hearing from the public's view (`leaderHearing.ts`); a failure there never stops a publish. */
  private async hearings(assemblyId: string, before: SessionState | null, after: SessionState | null): Promise<void> {
    await publishHearings(this.db, this.io, assemblyId, before, after).catch((err: unknown) =>
      this.logger?.error({ err }, 'leader hearing not sent'),
    );
  }

  /** The heads are out of reach (Redis away): everyone gets the whole state, as before patches. */
  private async publishWhole(assemblyId: string): Promise<void> {
    this.known.delete(assemblyId);
    const facts = await this.facts(assemblyId);
    const version = `${randomUUID()}.0`;
    const view = (a: Audience) => (facts ? { version, ...viewFor(facts, a) } : null);
    this.io.to(audienceRoom(assemblyId, 'moderator')).emit('session:state', view('moderator'));
    this.io.to(audienceRoom(assemblyId, 'member')).emit('session:state', view('member'));
    this.watch.to(assemblyRoom(assemblyId)).emit('session:state', view('observer'));
    // Without the last head, the leaders of the case heard now get it; one that just ended is not known here.
    await this.hearings(assemblyId, null, view('observer'));
  }

  /**
   * Who is connected, on any node: derived from live sockets, never stored. Without Redis, this
   * node's own sockets, read from its rooms directly (the adapter's `local` fetch still asks Redis
   * how many nodes there are, and would fail the command that is publishing).
   */
  async onlineParticipants(assemblyId: string): Promise<Set<string>> {
    const room = assemblyRoom(assemblyId);
    const sockets = await this.io
      .in(room)
      .fetchSockets()
      .catch(() =>
        [...(this.io.sockets.adapter.rooms.get(room) ?? [])].flatMap((id) => this.io.sockets.sockets.get(id) ?? []),
      );
    return new Set(sockets.flatMap((s) => (s.data.participant ? [s.data.participant.id] : [])));
  }
}

/** Whether a published view (with its version) shows the same as a fresh one (without). */
function sameView(published: SessionState | null, fresh: SessionView | null): boolean {
  if (published === null || fresh === null) return published === fresh;
  const { version: _version, ...shown } = published;
  return sameValue(shown, fresh);
}
