import { z } from 'zod';
import type { CaseView, Evidence } from './cases.ts';
import { evidenceSchema } from './casesSchemas.ts';
import { LIMITS } from './limits.ts';
import type { AgendaItemView, TurnView } from './session.ts';

/**
 * Accountability after the report: the body that commissioned the assembly answers each
 * standard (accept, accept in part, reject) with reasons and a timeline, then posts dated
 * progress updates over the months that follow; and in a breach case the leader concerned
 * replies for themselves. Both do so from a narrow seat (`NARROW_ROLES`): a respondent sees
 * the public charter and their own answers; a leader sees their one case as the public does.
 * Everything here is sent as codes, numbers and the people's own words: the reader's browser
 * words it in the reader's language.
 */
export const RESPONSE_STANCES = ['accept', 'accept_in_part', 'reject'] as const;
export type ResponseStance = (typeof RESPONSE_STANCES)[number];
export const PROGRESS_STATES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

/** Why the server refused a respondent's or a moderator's accountability command (`accountability.<key>`); registered in `reasons.ts`. */
export const ACCOUNTABILITY_REASONS = [
  'standardNotFound',
  'notAdopted',
  'respondentsFull',
  'respondFirst',
  'updatesFull',
] as const;

/** An http(s) address, normalised as a browser would (`new URL(link).href`). */
const link = z
  .url({ protocol: /^https?$/, error: 'A link must be an http(s) address' })
  .max(LIMITS.maxLinkLength, `A link is at most ${LIMITS.maxLinkLength} characters`)
  .transform((value) => new URL(value).href);
const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} is required`).max(max, `${what} is at most ${max} characters`);
/** A calendar date, `YYYY-MM-DD`. */
const day = z.iso.date({ error: 'A date is YYYY-MM-DD' });
/** An instant in ms since the epoch, within reason (a deadline may be moved into the past to close the window). */
const instant = z.number().int().min(0).max(8_640_000_000_000);

/** moderator → server, `respondent:invite`: a seat for the commissioning body; the link's secret is in the reply only. */
export const inviteRespondentSchema = z.strictObject({ body: text('The body’s name', LIMITS.maxTitleLength) });
/** respondent → server, `response:publish`: publishes (or revises) the response to one standard. */
export const publishResponseSchema = z.strictObject({
  standardId: z.uuid(),
  stance: z.enum(RESPONSE_STANCES),
  reasons: text('The reasons', LIMITS.maxCaseTextLength),
  /** What will be done by when, in the body's words. */
  timeline: text('The timeline', LIMITS.maxNoteLength),
});
/** respondent → server, `response:update`: one dated progress update on a standard already answered. */
export const progressUpdateSchema = z.strictObject({
  standardId: z.uuid(),
  state: z.enum(PROGRESS_STATES),
  /** The day the progress happened (not when it was posted: that is recorded too). */
  on: day,
  note: text('The note', LIMITS.maxNoteLength),
  links: z
    .array(link)
    .max(LIMITS.maxProgressLinks, `An update carries at most ${LIMITS.maxProgressLinks} links`)
    .default([]),
});
/** moderator → server, `leader:invite`: a seat for the leader a case concerns, with the reply deadline. */
export const inviteLeaderSchema = z.strictObject({ caseId: z.uuid(), deadline: instant });
/** moderator → server, `leader:setDeadline`: moves the reply deadline (earlier closes the window). */
export const setLeaderDeadlineSchema = z.strictObject({ caseId: z.uuid(), deadline: instant });
/** leader → server, `leader:reply`: their reply (replacing an earlier one) and evidence, before the deadline. */
export const leaderReplySchema = z.strictObject({
  caseId: z.uuid(),
  reply: text('A reply', LIMITS.maxCaseTextLength),
  evidence: z
    .array(evidenceSchema)
    .max(LIMITS.maxCaseEvidence, `A case holds at most ${LIMITS.maxCaseEvidence} pieces of evidence`)
    .default([]),
});

export type InviteRespondent = z.infer<typeof inviteRespondentSchema>;
export type PublishResponse = z.infer<typeof publishResponseSchema>;
export type ProgressUpdate = z.input<typeof progressUpdateSchema>;
export type InviteLeader = z.infer<typeof inviteLeaderSchema>;
export type SetLeaderDeadline = z.infer<typeof setLeaderDeadlineSchema>;
export type LeaderReply = z.input<typeof leaderReplySchema>;

/** A narrow seat's invite, for the moderator to hand over (the secret is shown once). */
export interface NarrowInvite {
  participantId: string;
  inviteSecret: string;
}

export interface ProgressView {
  id: string;
  state: ProgressState;
  /** `YYYY-MM-DD`. */
  on: string;
  note: string;
  links: string[];
  postedAt: number;
}

/** One standard as the tracker shows it: its response (or none yet) and the updates since. */
export interface TrackedStandard {
  standardId: string;
  title: string;
  response: {
    stance: ResponseStance;
    reasons: string;
    timeline: string;
    /** The body that answered (the respondent seat's name: public, like a facilitator's). */
    by: string;
    publishedAt: number;
    /** Set when the response was changed after it was first published (the record keeps each version). */
    revisedAt: number | null;
  } | null;
  /** Newest first. */
  updates: ProgressView[];
}

/**
 * `accountability:state`, the same for everyone (it is public): the adopted standards and what
 * was done about them. `reportedAt` is when the report was handed to the body (its first
 * respondent's invitation); null until then. Readers count "N days since the report" themselves.
 */
export interface Tracker {
  reportedAt: number | null;
  standards: TrackedStandard[];
}

/** `leader:state`, to the leader's own seat: their one case as the public sees it, and their window. */
export interface LeaderCase {
  case: CaseView;
  /** The cited standards' titles (public). */
  standards: { id: string; title: string }[];
  deadline: number;
  repliedAt: number | null;
  /** Agenda items about this case (a hearing), with their sitting's planned start, if any. */
  hearings: { title: string; status: string; startsAt: number | null }[];
}

/**
 * While the leader's case is the current agenda item (a hearing): that item, who has the floor
 * and how many wait, exactly as the public's live view shows them (pseudonyms, no queue names);
 * null otherwise. Nothing else of the assembly's session.
 */
export interface LeaderHearing {
  sessionTitle: string;
  item: AgendaItemView;
  turn: TurnView | null;
  /** The speaker's role, for naming a moderator or facilitator with it; null when nobody speaks. */
  speakerRole: string | null;
  waiting: number;
}

export type { Evidence };

/** Days between the report and `now`, counted in whole days (the tracker's "N days since the report"). */
export const daysSince = (from: number, now: number): number => Math.max(0, Math.floor((now - from) / 86_400_000));
