import type { AssemblySnapshot, AssemblyView, ParticipantView, ProgrammeState, StandardView } from '@moot/protocol';

/** What an assembly or watch page shows, built from the snapshot and the broadcasts after it. */
export interface RoomState {
  assembly: AssemblyView;
  /** Always in charter order (`position`). */
  standards: readonly StandardView[];
  me: ParticipantView | null;
  watchers: number;
  protocolVersion: number;
  /** The programme (`programme:state`), once it has arrived; kept across a reconnection's snapshot. */
  programme?: ProgrammeState;
}

export type RoomEvent =
  | { type: 'snapshot'; snapshot: AssemblySnapshot }
  | { type: 'charter'; standards: readonly StandardView[] }
  | { type: 'watchers'; count: number }
  | { type: 'programme'; programme: ProgrammeState }
  /** From a command's ack: the server's view of one standard (added or retitled). */
  | { type: 'standard'; standard: StandardView; added: boolean }
  | { type: 'removed'; standardId: string };

export function inCharterOrder(standards: readonly StandardView[]): StandardView[] {
  return [...standards].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/**
 * Broadcasts carry the whole charter, so they replace; acks carry one standard and are applied
 * idempotently, so whichever of ack and broadcast arrives first, the result is the same.
 * Before the first snapshot there is nothing to apply a change to.
 */
export function roomReducer(state: RoomState | null, event: RoomEvent): RoomState | null {
  if (event.type === 'snapshot') {
    const { snapshot } = event;
    return {
      assembly: snapshot.assembly,
      standards: inCharterOrder(snapshot.standards),
      me: snapshot.me,
      watchers: snapshot.watchers,
      protocolVersion: snapshot.protocolVersion,
      programme: state?.programme,
    };
  }
  if (!state) return state;
  switch (event.type) {
    case 'charter':
      return { ...state, standards: inCharterOrder(event.standards) };
    case 'watchers':
      return { ...state, watchers: event.count };
    case 'programme':
      return { ...state, programme: event.programme };
    case 'standard': {
      const exists = state.standards.some((s) => s.id === event.standard.id);
      // An ack never brings back a standard a later broadcast removed, unless it created it.
      if (!exists && !event.added) return state;
      const others = state.standards.filter((s) => s.id !== event.standard.id);
      return { ...state, standards: inCharterOrder([...others, event.standard]) };
    }
    case 'removed':
      return { ...state, standards: state.standards.filter((s) => s.id !== event.standardId) };
  }
}
