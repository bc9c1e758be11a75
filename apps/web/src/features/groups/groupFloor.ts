import type { GroupView, HandView, SessionState, TurnView } from '@moot/protocol';
import { myGroup } from '../session/view.ts';

/** A speaking queue and who has its floor: the plenary's, or one small group's. */
export interface Floor {
  queue: readonly HandView[];
  turn: TurnView | null;
  /** The group whose floor it is; null for the plenary. */
  group: GroupView | null;
}

/**
 * The floor a member is on now: while groups run, their own group's (where the server puts their
 * hand); otherwise, or when they are in no group, the plenary's.
 */
export function floorOf(state: SessionState, participantId: string): Floor {
  const group = myGroup(state, participantId);
  if (group?.floor) return { queue: group.floor.queue, turn: group.floor.turn, group };
  return { queue: state.queue, turn: state.turn, group: null };
}
