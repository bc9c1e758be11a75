/**
 * A half-finished final ballot, kept on this device only (localStorage), per vote and seat, so a
 * member can stop and finish it later in the sitting. Nothing here is sent: the answers leave the
 * device only when the member casts, and casting clears the draft. A draft that does not fit the
 * ballot (another number of recommendations, an answer off the scale) is ignored.
 */
export type Answers = (number | null)[];

/** The part of `Storage` used here, so tests can hand in a map. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const SCALE_POINTS = 5;

export const draftKey = (voteId: string, seat: string) => `moot.finalBallot.${voteId}.${seat}`;

/** localStorage where it exists and is allowed (private modes may refuse), else nothing. */
export function deviceStorage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadDraft(storage: DraftStorage | null, voteId: string, seat: string, items: number): Answers | null {
  let text: string | null = null;
  try {
    text = storage?.getItem(draftKey(voteId, seat)) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed) || parsed.length !== items) return null;
    const fits = parsed.every((a) => a === null || (Number.isInteger(a) && a >= 0 && a < SCALE_POINTS));
    return fits ? (parsed as Answers) : null;
  } catch {
    return null;
  }
}

/** Saves the answers so far; an empty ballot leaves nothing behind. */
export function saveDraft(storage: DraftStorage | null, voteId: string, seat: string, answers: Answers): void {
  try {
    if (answers.every((a) => a === null)) storage?.removeItem(draftKey(voteId, seat));
    else storage?.setItem(draftKey(voteId, seat), JSON.stringify(answers));
  } catch {
    // Full or refused: the ballot on screen is still there, it just will not survive a reload.
  }
}

export function clearDraft(storage: DraftStorage | null, voteId: string, seat: string): void {
  try {
    storage?.removeItem(draftKey(voteId, seat));
  } catch {
    // Nothing to clear.
  }
}
