import { ACCOUNTABILITY_REASONS } from './accountability.ts';
import { AMENDMENT_REASONS } from './amendments.ts';
import { APPEAL_REASONS } from './appeals.ts';
import { CASE_REASONS } from './cases.ts';
import { CHARTER_REASONS } from './charter.ts';
import { COMMENT_REASONS } from './comments.ts';
import { CONSENSUS_REASONS } from './consensus.ts';
import { DEVICE_REASONS } from './devices.ts';
import { DOCUMENT_REASONS } from './documents.ts';
import { COMMAND_REASONS, type ErrorReason } from './errors.ts';
import { EVIDENCE_REASONS } from './evidence.ts';
import { FINAL_BALLOT_REASONS } from './finalBallot.ts';
import { HISTORY_REASONS } from './history.ts';
import { REQUEST_REASONS } from './http.ts';
import { LIVESTREAM_REASONS } from './livestream.ts';
import { MEMBER_REASONS } from './members.ts';
import { ORGANISE_REASONS } from './organise.ts';
import { PANEL_REASONS } from './panels.ts';
import { QUORUM_REASONS } from './quorum.ts';
import { REPORT_REASONS } from './report.ts';
import { ROSTER_REASONS } from './roster.ts';
import { FLOOR_REASONS, GROUP_REASONS, MODERATION_REFUSALS, PROGRAMME_REASONS, SESSION_REASONS } from './session.ts';
import { PAPER_REASONS, VOTE_REASONS } from './votes.ts';

/**
 * Why the server refused a command, as codes a page words in its reader's language
 * (`reasons.<feature>.<key>` in the web's messages), one list per feature. The English `message`
 * beside a reason is for logs and old clients; every refusal the server sends carries one of
 * these (`test/refusalReasons.test.ts` reads the server's source for it, and the web's
 * i18n test checks both languages word every key).
 */
export const REFUSAL_REASONS = {
  evidence: EVIDENCE_REASONS,
  vote: [...QUORUM_REASONS, ...VOTE_REASONS],
  paper: PAPER_REASONS,
  finalBallot: FINAL_BALLOT_REASONS,
  case: CASE_REASONS,
  panel: PANEL_REASONS,
  accountability: ACCOUNTABILITY_REASONS,
  appeal: APPEAL_REASONS,
  command: COMMAND_REASONS,
  session: SESSION_REASONS,
  floor: FLOOR_REASONS,
  group: GROUP_REASONS,
  programme: PROGRAMME_REASONS,
  moderation: MODERATION_REFUSALS,
  amendment: AMENDMENT_REASONS,
  charter: CHARTER_REASONS,
  comment: COMMENT_REASONS,
  consensus: CONSENSUS_REASONS,
  history: HISTORY_REASONS,
  report: REPORT_REASONS,
  device: DEVICE_REASONS,
  roster: ROSTER_REASONS,
  member: MEMBER_REASONS,
  organise: ORGANISE_REASONS,
  document: DOCUMENT_REASONS,
  livestream: LIVESTREAM_REASONS,
  request: REQUEST_REASONS,
} as const;

export type RefusalFeature = keyof typeof REFUSAL_REASONS;
export type RefusalKey<F extends RefusalFeature> = (typeof REFUSAL_REASONS)[F][number];

/** A refusal's reason: `refusal('vote', 'deadlinePassed')` → `{ key: 'vote.deadlinePassed' }`. */
export const refusal = <F extends RefusalFeature>(
  feature: F,
  key: RefusalKey<F>,
  params?: Record<string, string | number>,
): ErrorReason => ({ key: `${feature}.${key}`, ...(params ? { params } : {}) });
