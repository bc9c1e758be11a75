import type { ProgrammeState, Role, SessionState } from '@moot/protocol';
import { Coalescer } from '../../realtime/coalesce.ts';
import { listParticipants } from '../identity/participantStore.ts';
import { assemblyRoom, audienceRoom, type MootServer, type WatchNamespace } from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { listAttendance, openHands, speakingTotals } from './floorStore.ts';
import { groupHistory, latestGroups } from './groupStore.ts';
import { activeAnnouncements, moderationLog } from './moderationStore.ts';
import { assemblyTimeZone, listProgrammeItems, listSittings } from './programmeStore.ts';
import { programmeFor, type ProgrammeFacts } from './programmeView.ts';
import { currentSession, listAgenda } from './sessionStore.ts';
import { viewFor, type SessionFacts } from './sessionView.ts';

/**
 * Sends the current session to everyone after each change: the facts are loaded once from
 * the database (never kept here), shaped per audience, and emitted to each audience's room
 * through the adapter, so sockets on every node get them. Presence changes are coalesced.
 */
export class SessionPublisher {
  private readonly presence = new Coalescer(200, (assemblyId) => this.publish(assemblyId));

  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
  ) {}

  async facts(assemblyId: string): Promise<SessionFacts | null> {
    const session = await currentSession(this.db, assemblyId);
    if (!session) return null;
    const [agenda, participants, muted, attendance, hands, totals, groups, announcements, moderation, online] =
      await Promise.all([
        listAgenda(this.db, session.id),
        listParticipants(this.db, assemblyId),
        this.db.query<{ id: string; mutedUntil: Date | null }>(
          'SELECT id, muted_until AS "mutedUntil" FROM participants WHERE assembly_id = $1',
          [assemblyId],
        ),
        listAttendance(this.db, session.id),
        openHands(this.db, session.id),
        speakingTotals(this.db, assemblyId, session.id),
        latestGroups(this.db, session.id),
        activeAnnouncements(this.db, assemblyId, session.since),
        moderationLog(this.db, assemblyId, session.since),
        this.onlineParticipants(assemblyId),
      ]);
    const mutedUntil = new Map(muted.map((m) => [m.id, m.mutedUntil?.getTime() ?? null]));
    // While groups run, the earlier splits they are judged against (repeat pairs, for moderators).
    const history = groups.some((g) => !g.ended)
      ? await groupHistory(
          this.db,
          assemblyId,
          groups.map((g) => g.id),
        )
      : null;
    return {
      session,
      agenda,
      participants: participants.map((p) => ({ ...p, mutedUntil: mutedUntil.get(p.id) ?? null })),
      attendance,
      online,
      hands,
      totals,
      groups,
      announcements,
      moderation,
      groupHistory: history,
      now: Date.now(),
    };
  }

  async stateFor(assemblyId: string, audience: Role): Promise<SessionState | null> {
    const facts = await this.facts(assemblyId);
    return facts ? viewFor(facts, audience) : null;
  }

  async publish(assemblyId: string): Promise<void> {
    const facts = await this.facts(assemblyId);
    if (!facts) return;
    this.io.to(audienceRoom(assemblyId, 'moderator')).emit('session:state', viewFor(facts, 'moderator'));
    this.io.to(audienceRoom(assemblyId, 'member')).emit('session:state', viewFor(facts, 'member'));
    this.watch.to(assemblyRoom(assemblyId)).emit('session:state', viewFor(facts, 'observer'));
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
  changed(assemblyId: string): void {
    this.presence.schedule(assemblyId);
  }

  close(): void {
    this.presence.close();
  }

  /**
   * Who is connected, on any node: derived from live sockets, never stored. Without Redis, this
   * node's own sockets, read from its rooms directly (the adapter's `local` fetch still asks Redis
   * how many nodes there are, and would fail the command that is publishing).
   */
  private async onlineParticipants(assemblyId: string): Promise<Set<string>> {
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
