import type { ProgrammeState, Role, SittingView } from '@moot/protocol';
import type { ProgrammeItemRow, SittingRow } from './programmeStore.ts';

/** Everything the programme shows, loaded once and shaped per audience. */
export interface ProgrammeFacts {
  timeZone: string;
  currentId: string | null;
  sittings: SittingRow[];
  items: ProgrammeItemRow[];
}

/**
 * The programme as `audience` may see it. It names no person; the one private detail is the
 * online meeting link, which only members and moderators receive (observers watch on the watch page).
 */
export function programmeFor(facts: ProgrammeFacts, audience: Role): ProgrammeState {
  const agendas = new Map<string, SittingView['agenda']>();
  for (const { sessionId, id, title, kind, plannedMinutes, status } of facts.items) {
    const agenda = agendas.get(sessionId) ?? [];
    agenda.push({ id, title, kind, plannedMinutes, status });
    agendas.set(sessionId, agenda);
  }
  return {
    timeZone: facts.timeZone,
    currentId: facts.currentId,
    sittings: facts.sittings.map((s) => ({
      id: s.id,
      title: s.title,
      status: s.status,
      cancelled: s.cancelled,
      startsAt: s.startsAt?.getTime() ?? null,
      endsAt: s.endsAt?.getTime() ?? null,
      place: s.placeKind
        ? {
            kind: s.placeKind,
            roomName: s.roomName,
            roomAddress: s.roomAddress,
            onlineLink: audience === 'observer' ? null : s.onlineLink,
          }
        : null,
      agenda: agendas.get(s.id) ?? [],
    })),
  };
}
