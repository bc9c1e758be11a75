/**
 * Every limit in one place: the server enforces them, the client uses them to explain
 * before it sends. Sizes are bytes unless named otherwise.
 */
export const LIMITS = {
  /** Largest Socket.IO packet the server accepts (engine.io `maxHttpBufferSize`). */
  maxPacketBytes: 1024 * 1024,
  /** Largest y-protocols sync message (a step 2 after an offline spell can be large). */
  maxSyncMessageBytes: 512 * 1024,
  /** Largest awareness update (carets and names are small). */
  maxAwarenessBytes: 8 * 1024,
  /** Largest encoded state of one document; updates that would pass it are refused. */
  maxDocumentBytes: 2 * 1024 * 1024,
  /** Documents one socket may hold open at once. */
  maxOpenDocumentsPerSocket: 64,
  /** Sustained messages per second per socket, and the burst allowed above it. */
  messagesPerSecond: 60,
  messageBurst: 240,
  /** Text lengths, in characters. */
  maxTitleLength: 200,
  maxChargeLength: 1000,
  minDisplayNameLength: 1,
  maxDisplayNameLength: 60,
  /** Standards in one assembly's charter. */
  maxStandardsPerAssembly: 200,
  /** Agenda items in one session; small groups in one split. */
  maxAgendaItems: 100,
  maxGroups: 50,
  /** A comment on a standard, in characters; comments on one standard. */
  maxCommentLength: 2000,
  maxCommentsPerStandard: 500,
  /** An amendment's or a minority report's wording, in characters. */
  maxAmendmentLength: 5000,
  /** A suggestion's anchor (a base64 Yjs relative position), in characters; its runs of marked text. */
  maxAnchorLength: 200,
  maxSuggestionNodes: 200,
  /** Steps in a standard's consequence ladder. */
  maxLadderSteps: 12,
  /** Options in an approval or ranked vote. */
  maxVoteOptions: 20,
  /** Paper ballots one choice's total may hold (an in-room count). */
  maxPaperBallots: 10_000,
  /** Recommendations on one final ballot (each standard and its consequence ladder). */
  maxFinalBallotItems: 60,
  /** Distinct paper ballots (ticked sets or rankings) one count of an approval or ranked vote may list. */
  maxPaperBallotLines: 500,
  /** Announcements and moderation notes, in characters. */
  maxAnnouncementLength: 500,
  maxNoteLength: 500,
  /** How long a connection may stay open without joining a namespace (authenticating), in ms. */
  handshakeTimeoutMs: 10_000,
  /** Bytes waiting to be sent to one slow connection before it is cut off instead of buffered further. */
  maxUnsentBytesPerConnection: 4 * 1024 * 1024,
  /**
   * Observers (`/watch`) are held to a lower bound: an observer whose backlog passes it when the
   * next update is sent to it is dropped (it reconnects and resyncs), before it could slow the node.
   */
  maxUnsentBytesPerObserver: 1024 * 1024,
  /**
   * Document updates reach observers at most once per this window: an update after a quiet window
   * at once, what follows within it merged at its end (encoded once per document for all its
   * observers); members get each update at once.
   */
  observerCadenceMs: 50,
  /** Under overload (the event loop late by more than a window) the window doubles, up to this. */
  observerMaxCadenceMs: 1000,
  /**
   * Wrong secrets (invite links, watch links, session cookies) one address may try: a burst, then
   * per minute. A slot is reserved before each look-up and handed back when the secret is right,
   * so only failures count and parallel guesses never get more look-ups than the slots left.
   */
  secretFailureBurst: 30,
  secretFailuresPerMinute: 10,
  /** Socket.IO handshakes (watch links and sessions) from one address: a burst, then per second. */
  handshakeBurst: 300,
  handshakesPerSecond: 5,
  /** Export and record downloads (charter, cases, audit, minutes) from one address: a burst, then per second. */
  exportBurst: 120,
  exportsPerSecond: 2,
  /**
   * `security.denied` audit rows per address and per key (a participant, or an assembly's watch
   * link), across reconnects: a burst, then per minute. Denials beyond it are counted, not
   * written, and the socket is disconnected; one summary row per assembly and window says how many.
   */
  auditedDenialBurst: 20,
  auditedDenialsPerMinute: 6,
  deniedSummaryWindowMs: 60_000,
  /** Addresses or keys one node remembers per limit; beyond it the oldest idle ones are forgotten. */
  maxTrackedClients: 10_000,
  /** Audit log entries in one page of the public record. */
  maxAuditPage: 500,
  /** Breach cases: a case's summary or the leader's reply, in characters; standards cited; evidence. */
  maxCaseTextLength: 5000,
  maxCaseStandards: 10,
  maxCaseEvidence: 30,
  /** An evidence link (an http(s) address), in characters. */
  maxLinkLength: 2000,
  /** An assembly's description, and who commissioned it, in characters (organisers write them). */
  maxDescriptionLength: 5000,
  maxCommissionedByLength: 300,
  /** Assemblies one organiser may run, and organisers (the creator plus co-organisers) one assembly may have. */
  maxAssembliesPerOrganiser: 100,
  maxOrganisersPerAssembly: 20,
  /** Seats organisers may appoint in one assembly (moderators and members together). */
  maxSeatsPerAssembly: 500,
  /** How long an organiser's session cookie lasts, in ms (then open a new organiser link). */
  organiserSessionMs: 7 * 24 * 3600 * 1000,
  /** Sittings (sessions) in one assembly's programme; a room's address, in characters. */
  maxSittingsPerAssembly: 200,
  maxPlaceAddressLength: 300,
  /** Accountability: links on one progress update; updates on one standard; respondent seats per assembly; leader seats per case. */
  maxProgressLinks: 5,
  maxProgressUpdates: 200,
  maxRespondents: 5,
  maxLeadersPerCase: 3,
  /** Checkpoints kept of one document's history (one per fold of its edit log); the oldest go first. Milestones are all kept. */
  maxCheckpointsPerDocument: 200,
  /** Logged edits' times listed per page of `history:moments`. */
  historyMomentsPage: 100,
  /**
   * Logged edits one `history:diff` may read (to rebuild a moment, and to find who deleted what
   * between the points); a diff needing more is refused (`history.tooManyUpdates`). The log is
   * folded every 500 edits, so this only bites when folding lags.
   */
  maxHistoryUpdatesRead: 2000,
  /**
   * Quorum while a vote is open: presence below quorum must last this long before the vote
   * pauses, so a member whose connection drops and returns within it never counts as leaving.
   */
  quorumGraceSeconds: 10,
  /** A vote's deadline (`vote:open`'s `closesInSeconds`): at least this long after opening, at most this. */
  minVoteSeconds: 5,
  maxVoteSeconds: 7 * 24 * 3600,
  /** Every node looks at open votes' quorum and deadlines this often (a node that died leaves no timer). */
  voteClockSweepMs: 5_000,
} as const;
