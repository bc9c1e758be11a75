import type { AssemblyView, ParticipantView } from './assembly.ts';
import type { ConsensusSummary } from './consensus.ts';
import type { ProtocolError } from './errors.ts';
import type { Phrase } from './phrase.ts';
import type { SeatRole } from './roles.ts';

/** The HTTP routes, written once. Invite secrets travel in bodies, never in URLs. */
export const HTTP_ROUTES = {
  health: '/healthz',
  inspectInvite: '/api/invites/inspect',
  redeemInvite: '/api/invites/redeem',
  /** The same with an invite card's typed code instead of its link (throttled alike). */
  inspectCode: '/api/invites/code/inspect',
  redeemCode: '/api/invites/code/redeem',
  session: '/api/session',
  logout: '/api/session/logout',
  /** The charter with each standard's status, text, ladder, history and votes (session cookie or watch key). */
  charterJson: '/api/export/charter.json',
  charterMarkdown: '/api/export/charter.md',
  /** The public audit log, a page at a time (`?after=<seq>&limit=<n>`); same authentication. */
  auditJson: '/api/export/audit.json',
  auditMarkdown: '/api/export/audit.md',
  /** The assembly's sessions, to choose whose minutes to read. */
  sessionsJson: '/api/export/sessions.json',
  /** One session's minutes: agenda, speakers, votes, announcements, attendance. */
  minutesJson: '/api/export/sessions/:sessionId/minutes.json',
  minutesMarkdown: '/api/export/sessions/:sessionId/minutes.md',
  /** The register of breach cases (session cookie or watch key). */
  casesJson: '/api/export/cases.json',
  casesMarkdown: '/api/export/cases.md',
  /** The institution's responses and the progress tracker (session cookie or watch key). */
  trackerJson: '/api/export/tracker.json',
  trackerMarkdown: '/api/export/tracker.md',
  /** One standard's provenance passport with its content hash (session cookie or watch key; `passportPath`). */
  passportJson: '/api/export/passport/:standardId.json',
  /** The assembly's report, built from the record (session cookie or watch key). */
  reportJson: '/api/export/report.json',
  reportMarkdown: '/api/export/report.md',
} as const;

/**
 * The sections of a member's `/assembly` page, each at its own address (`/assembly/<section>`), so a
 * deep link or a reload opens it: the web app routes them, the server serves the app at each.
 */
/**
 * Why an HTTP request (joining by a link or a card's code, a download, the organisers' sign-in, a
 * draw file checked) was refused: `reasons.request.<key>`, the waits with `{ seconds }`.
 */
export const REQUEST_REASONS = [
  'otherSite',
  'inviteNotValid',
  'codeNotValid',
  'inviteExpired',
  'openInviteFirst',
  'openLinkFirst',
  'openOrganiserLink',
  'organiserLinkNotValid',
  'tooManyWrongLinks',
  'tooManyWrongCodes',
  'tooManyDownloads',
  'oneCheckAtATime',
  'pageQuery',
  'sessionNotFound',
  'standardNotFound',
  'notJson',
  'notADrawFile',
  'tooLarge',
  'unreadable',
  'unknownLanguage',
] as const;

export const ASSEMBLY_SECTIONS = ['charter', 'evidence', 'votes', 'cases', 'comments', 'record'] as const;
export type AssemblySection = (typeof ASSEMBLY_SECTIONS)[number];

/** A session's minutes route with its id filled in. */
export const minutesPath = (format: 'json' | 'md', sessionId: string): string =>
  (format === 'json' ? HTTP_ROUTES.minutesJson : HTTP_ROUTES.minutesMarkdown).replace(
    ':sessionId',
    encodeURIComponent(sessionId),
  );

/**
 * The languages a Markdown download is written in (`?lang=`), English when none is asked for.
 * The JSON exports carry codes beside their English instead, for a page to word.
 */
export const MARKDOWN_LANGUAGES = ['en', 'cy'] as const;
export type MarkdownLanguage = (typeof MARKDOWN_LANGUAGES)[number];

/** A Markdown download's route asking for it in a language (`markdownIn(HTTP_ROUTES.charterMarkdown, 'cy')`). */
export const markdownIn = (route: string, language: MarkdownLanguage): string => `${route}?lang=${language}`;

/** Observers authenticate exports with the watch link's secret in this header (never in a URL). */
export const WATCH_KEY_HEADER = 'x-moot-watch-key';

/**
 * A recorded vote's sentences as codes, beside the English an export keeps for old readers and
 * its Markdown (`question`, `explanation`): the same codes the live `VoteView` carries, for a page
 * to word in its reader's language. Null where there is none (a moderator's own question; a vote
 * still open, or closed before results carried codes); absent from exports made before this.
 */
export interface VoteCodes {
  /** When the server wrote the question (adopt, amend, a case's consequence, a final ballot): its code. */
  questionPhrase?: Phrase | null;
  /** The tally's sentences (`VoteResult.because`). */
  because?: Phrase[] | null;
}

/** A vote in the charter export: its result and counts per choice, never a ballot. */
export interface CharterVote extends VoteCodes {
  question: string;
  method: string;
  status: 'open' | 'closed';
  passed: boolean | null;
  explanation: string | null;
  /** Counts per choice (yes / no / abstain, or consent's), null while open. */
  counts: Record<string, number> | null;
}

export interface CharterExport {
  assembly: { title: string; charge: string };
  exportedAt: string;
  standards: {
    position: number;
    title: string;
    status: string;
    /** The standard's text as plain text (paragraphs apart by a blank line, no Markdown escapes). */
    text: string;
    breach: string;
    /** The easy-read version's plain text, empty while nobody has written one. */
    easyRead: string;
    ladder: string[];
    /** Milestones in words: "amended by amendment 2: “Leaders answer…”", never an id. */
    history: { label: string; at: string }[];
    votes: CharterVote[];
    /** Amendments by their number on this standard (1, 2…), with the vote each was put to. */
    amendments: { number: number; text: string; status: string; vote: CharterVote | null }[];
    /** Minority reports, with how many members signed each (not who). */
    minorityReports: { text: string; signatures: number }[];
    /** The consensus map as last computed (as the report shows it), null if nobody marked a paragraph. */
    consensus: ConsensusSummary | null;
  }[];
}

/** The HttpOnly cookie that carries a participant's session; the socket handshake reads it. */
export const SESSION_COOKIE = 'moot_session';

/** POST inspectInvite's answer: who is this invite for, before a name is asked. */
export interface InviteInfo {
  assembly: AssemblyView;
  role: SeatRole;
  /** The name given when this invite was last redeemed, to prefill the form. */
  displayName: string | null;
}

/** POST redeemInvite's answer (with the session cookie): the invite exchanged. */
export interface Session {
  assembly: AssemblyView;
  me: ParticipantView;
}

/** Every HTTP error body. */
export interface HttpError {
  error: ProtocolError;
}

export interface Health {
  ok: boolean;
  database: 'up' | 'down';
  redis: 'up' | 'down' | 'off';
}

/**
 * One state change as anyone may read it. Names follow the reader's role (observers see
 * pseudonyms unless a member chose to show their name); `detail` holds only the fields the
 * public-audit policy lists for the action — never a ballot, a note or hidden text.
 */
export interface AuditRecord {
  seq: number;
  at: string;
  /** Who did it; null for the system. */
  actor: string | null;
  action: string;
  /** What it concerns, by name: a standard's or session's title, a vote's question, a member. */
  subject: string | null;
  detail: Record<string, string | number | boolean | null | string[]>;
  /**
   * The entry as its hash seals it, the same for every reader and for ever: participants as
   * their seat's pseudonym ("Member 3"), the target by id, the public detail as written.
   */
  sealed: SealedAuditFields;
  /** The previous entry's hash (the first entry's is 64 zeros) and this entry's (see auditChain.ts). */
  prev: string;
  hash: string;
}

/** What the chain seals of an entry beyond its seq, time and action (those are shown as they are). */
export interface SealedAuditFields {
  actor: string | null;
  target: string | null;
  detail: AuditRecord['detail'];
}

export interface AuditExport {
  assembly: { id: string; title: string; charge: string };
  exportedAt: string;
  /** The last public entry when this was exported: `seq` is how many there are. */
  head: { seq: number; hash: string };
  entries: AuditRecord[];
  /** Pass as `after` for the next page; null when this page is the last. */
  next: number | null;
}

export interface SessionSummary {
  id: string;
  title: string;
  status: 'planned' | 'live' | 'ended';
  startedAt: string | null;
  endedAt: string | null;
}

export interface SessionList {
  sessions: SessionSummary[];
}

export interface MinutesExport {
  assembly: { title: string; charge: string };
  exportedAt: string;
  session: SessionSummary;
  /** Participants who checked in, how many of them a moderator removed, and how many checked out again. */
  attendance: { checkedIn: number; removed: number; checkedOut: number };
  /** Planned against actual running time (null: the item never ran). */
  agenda: {
    position: number;
    title: string;
    kind: string;
    status: string;
    plannedMinutes: number;
    actualSeconds: number | null;
    /** The breach case the item was about, by its number in the register. */
    caseNumber: number | null;
  }[];
  /** Finished turns per speaker, in the order they first spoke. */
  speakers: { name: string; turns: number; spokenSeconds: number }[];
  /** Votes opened in this session: turnout and, once closed, the result. Never a ballot. */
  votes: (VoteCodes & {
    question: string;
    method: string;
    status: 'open' | 'closed';
    turnout: number;
    eligible: number;
    quorumNeeded: number;
    passed: boolean | null;
    explanation: string | null;
    /** Once closed: ballots cast online and on paper in the room (null for votes closed before paper counts). */
    online: number | null;
    paper: number | null;
  })[];
  announcements: { text: string; at: string }[];
  /**
   * Moderation while the session ran: who (always by public pseudonym, "Member 4"), what
   * (`comment_hidden`: their comment), the reason's code (a moderator's note never) and, for a
   * mute, how many minutes.
   */
  moderation: {
    at: string;
    action: 'muted' | 'unmuted' | 'removed' | 'comment_hidden';
    member: string;
    reason: string | null;
    minutes: number | null;
  }[];
  /** Small groups formed (how many) and brought back together while the session ran. */
  groups: { at: string; action: 'formed' | 'ended'; count: number | null }[];
  /** Amendments someone proposed, co-signed or put to the vote while the session ran, as they stand now. */
  amendments: { number: number; standard: string; status: string; text: string }[];
  /** Minority reports written or signed while the session ran. */
  minorityReports: { standard: string; signatures: number }[];
  /** Breach cases someone acted on while the session ran, by their number in the register. */
  cases: { number: number; status: string }[];
}
