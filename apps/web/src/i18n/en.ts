import type { enConsole } from './enConsole.ts';
import type { enJoin } from './enJoin.ts';
import type { enVoteForm } from './enVoteForm.ts';
import type { enRecord } from './enRecord.ts';
import type { enOrganise } from './enOrganise.ts';
import type { enMembers, enMembersErrors } from './enMembers.ts';
import type { enMembersPublic } from './enMembersPublic.ts';
import type { enDesk } from './enDesk.ts';
import type { enEvidence } from './enEvidence.ts';
import type { enWatchLive } from './enWatchLive.ts';
import type { enMember } from './enMember.ts';
import type { enPresent } from './enPresent.ts';
import type { enConsensus } from './enConsensus.ts';
import type { enPanels } from './enPanels.ts';
import type { enQuorum } from './enQuorum.ts';
import type { enRefusalsDecisions } from './enRefusalsDecisions.ts';
import type { enProgramme } from './enProgramme.ts';
import type { enFacilitator } from './enFacilitator.ts';
import type { enMemberAccess } from './enMemberAccess.ts';
import type { enDevices } from './enDevices.ts';
import type { enAccountability } from './enAccountability.ts';
import type { enFinalBallot } from './enFinalBallot.ts';
import type { enGroupFloor } from './enGroupFloor.ts';
import type { enHistory } from './enHistory.ts';
import type { enSuggestions } from './enSuggestions.ts';
import type { enPassport } from './enPassport.ts';
import { enPassportLink } from './enPassportLink.ts';
import type { enAppeals } from './enAppeals.ts';
import type { enReport } from './enReport.ts';
import type { enRefusalsRoom } from './enRefusalsRoom.ts';
import type { enWords } from './enWords.ts';
import { enNames } from './enNames.ts';

/**
 * Every user-visible string, English first. Another language is a copy of this object with the
 * same keys (the type below makes a missing key a compile error), registered in `i18n/index.ts`.
 * The moderator console's strings (`enConsole.ts`) and the record pages' (`enRecord.ts`) load
 * with those pages, so the watch page (which has a size budget) does not carry them.
 */
export const en = {
  app: {
    name: 'Moot',
    tagline: "Live deliberation for citizens' assemblies",
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    signOut: 'Sign out',
  },
  home: {
    title: 'Welcome to Moot',
    intro:
      "Moot is where a citizens' assembly drafts its charter of standards together, live, in facilitated sessions.",
    joinHeading: 'Taking part',
    join: 'Members and moderators join through the personal invite link they were sent. Open that link on this device to take your seat.',
    watchHeading: 'Watching',
    watch:
      'Anyone can follow an assembly through its public watch link: the charge, the charter and the draft text as it changes.',
    noLink: 'There is nothing to open here without a link. If you lost yours, ask the assembly’s facilitators.',
  },
  roles: {
    moderator: 'moderator',
    facilitator: 'facilitator',
    note_taker: 'note-taker',
    member: 'member',
    respondent: 'responding body',
    leader: 'leader replying',
  },
  assembly: {
    loading: 'Opening your assembly…',
    noSession:
      'You are not signed in on this device, or a facilitator has ended your seat. If you still have your invite link, open it again to take your seat.',
    signedInAs: 'Signed in as {{name}} ({{role}})',
    showName: 'Show my name to the public (otherwise I appear as “Member {{seat}}”)',
    chargeLabel: 'Our charge',
    connecting: 'Connecting to the assembly…',
    protocolMismatch: 'Moot has been updated. Reload the page to continue.',
    reload: 'Reload',
  },
  charter: {
    heading: 'Charter',
    empty: 'The charter has no standards yet.',
    emptyMember: 'The charter has no standards yet. Add the first one below.',
    position: 'Standard {{position}}',
    historyLink: 'History and authors',
    statuses: {
      drafting: 'Drafting',
      locked: 'Locked',
      adopted: 'Adopted',
      rejected: 'Rejected',
    },
    readOnlyNotice: '{{status}}: this text can no longer be edited here.',
    added: 'Standard added: {{title}}',
    removed: 'Standard removed: {{title}}',
  },
  standard: {
    textHeading: 'Text',
    breachHeading: 'What a breach looks like',
    textLabel: 'Text of {{title}}',
    breachLabel: 'What a breach looks like: {{title}}',
    loadingText: 'Loading text…',
    showSaved: 'Discard my unsaved edits and show the saved text',
    mutedUntil: 'You are muted until {{time}}; your edits are not being taken.',
    silenced: 'You were removed from this session; your edits are not being taken.',
  },
  addStandard: {
    heading: 'Add a standard',
    inputLabel: 'New standard title',
    hint: 'Up to {{max}} characters. You can write its text once it is added.',
    submit: 'Add standard',
    submitting: 'Adding…',
  },
  retitle: {
    edit: 'Rename',
    editLabel: 'Rename: {{title}}',
    inputLabel: 'Title of “{{title}}”',
    save: 'Save title',
    cancel: 'Cancel',
    fixed: 'The title is fixed once the standard is locked',
  },
  moderate: {
    controlsLabel: 'Actions for “{{title}}”',
    moveUp: 'Move up',
    moveUpLabel: 'Move up: {{title}}',
    moveDown: 'Move down',
    moveDownLabel: 'Move down: {{title}}',
    remove: 'Remove',
    removeLabel: 'Remove: {{title}}',
    confirmQuestion: 'Remove “{{title}}” from the charter? Its text stays on record.',
    confirmRemove: 'Confirm removal',
    cancel: 'Keep it',
  },
  connection: {
    live: 'Live',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
    saving: 'Saving…',
    saved: 'All changes saved',
    queued: 'Edits queued until the connection returns',
    saveError: 'Some edits were not saved',
    label: 'Connection',
  },
  watchers: {
    count_one: '{{count}} watching',
    count_other: '{{count}} watching',
  },
  watch: {
    title: 'Public live view',
    readOnly: 'You are watching a read-only live view. Members appear under pseudonyms.',
    missingLink: 'This page needs the full watch link. Open that link again, without changing it.',
    connecting: 'Connecting to the live view…',
  },
  session: {
    aboutCase: 'About case {{number}}: {{role}}',
    heading: 'Session',
    none: 'No session has been scheduled yet.',
    statusLabel: 'Status: {{status}}',
    statuses: { planned: 'Planned', live: 'Live', ended: 'Ended' },
    nowHeading: 'Now',
    noCurrentItem: 'No agenda item is running.',
    kinds: { learn: 'Learn', deliberate: 'Deliberate', draft: 'Draft', decide: 'Decide', break: 'Break' },
    kindLabel: 'Kind: {{kind}}',
    timeLeft: '{{time}} left',
    paused: 'Paused, {{time}} left',
    overtime: 'Overtime: {{time}} over',
    agendaHeading: 'Agenda',
    agendaEmpty: 'The agenda is empty.',
    plannedMinutes_one: '{{count}} minute',
    plannedMinutes_other: '{{count}} minutes',
    itemStatuses: { pending: 'Up next', running: 'Running', paused: 'Paused', done: 'Done' },
    checkIn: 'Check in',
    checkedIn: 'Checked in',
    attendanceHeading: 'Attendance',
    attendanceSummary: '{{present}} present, {{away}} away, {{absent}} not here',
    presence: { present: 'Present', away: 'Away', absent: 'Not here', removed: 'Removed' },
    mutedUntil: 'Muted until {{time}}',
    you: '{{name}} (you)',
    announcementsLabel: 'Announcements',
    announcement: 'Announcement: {{text}}',
    itemStarted: 'Agenda: {{title}} started',
    nowSpeaking: 'Now speaking: {{name}}',
    youAreSpeaking: 'You have the floor',
    youAreNext: 'You are next to speak',
    sessionEnded: 'The session has ended',
    discussingNow: 'Discussing now',
    moderationLogHeading: 'Moderation log',
    moderationLogEmpty: 'No moderation actions.',
    moderationActions: {
      mute: 'Muted',
      unmute: 'Unmuted',
      remove: 'Removed from the session',
      hide_comment: 'Comment hidden',
    },
    reasons: {
      off_topic: 'Off topic',
      disrespect: 'Disrespect',
      disruption: 'Disruption',
      harassment: 'Harassment',
      privacy: 'Privacy',
      other: 'Other',
    },
    logEntry: '{{time}} · {{action}}: {{name}}',
    logReason: 'Reason: {{reason}}',
    noticeMute: 'A moderator muted you until {{until}}. Reason: {{reason}}.',
    noticeUnmute: 'A moderator lifted your mute.',
    noticeRemove: 'A moderator removed you from this session. Reason: {{reason}}.',
    noticeHideComment: 'A moderator hid one of your comments. Reason: {{reason}}.',
    noticeNote: 'Moderator’s note: {{note}}',
    mutedNotice: 'You are muted until {{time}}: you cannot raise your hand or edit.',
    removedNotice: 'You have been removed from this session.',
    openConsole: 'Open the moderator console',
    openMembers: 'Members and invite cards',
    presentMode: 'Present mode (for the room’s screen)',
    backToAssembly: 'Back to the assembly',
  },
  queue: {
    heading: 'Speaking queue',
    empty: 'Nobody is waiting to speak.',
    speakerHeading: 'Speaking',
    noSpeaker: 'Nobody has the floor.',
    speaker: '{{name}} has the floor',
    kinds: { point_of_process: 'Point of process', direct_response: 'Direct response', new_point: 'New point' },
    kindLabel: 'What you want to say',
    raise: 'Raise hand',
    changeKind: 'Change my hand',
    lower: 'Lower hand',
    yourHand: 'Your hand is raised ({{kind}}), place {{place}} in the queue.',
    entry: '{{name}}, {{kind}}',
    raisedBy: 'raised by {{name}}',
    turnLeft: '{{time}} left in this turn',
    turnOver: 'Over time by {{time}}',
    warning: 'Less than 30 seconds left in your turn. Please start to wrap up.',
    yield: 'Yield the floor',
    call: 'Call {{name}}',
    callNext: 'Call next',
    endTurn: 'End turn',
    muted: 'You cannot raise your hand while muted.',
    checkInFirst: 'Check in to take part in the queue.',
  },
  groups: {
    heading: 'Small groups',
    yourGroup: 'Your group: group {{number}}',
    groupName: 'Group {{number}}',
    members: 'Members: {{names}}',
    standards: 'Standards for this group',
    noStandards: 'No standards were assigned.',
    padLabel: 'Notes of group {{number}}',
    notesHeading: 'Notes from the small groups',
    notInGroup: 'Groups are meeting; you are not in a group.',
  },
  comments: {
    mutedUntil: 'You are muted until {{time}}: you can read the comments, not add one.',
    silenced: 'You were removed from this session: you can read the comments, not add one.',
    heading: 'Comments ({{count}})',
    empty: 'No comments yet.',
    inputLabel: 'Add a comment',
    hint: 'Up to {{max}} characters. Everyone in the assembly and on the watch page can read it.',
    submit: 'Post comment',
    submitting: 'Posting…',
    required: 'Write a comment first.',
    tooLong: 'A comment is at most {{max}} characters.',
    hiddenBy: 'Hidden by a moderator: {{reason}}',
    hiddenNote: 'Moderator’s note: {{note}}',
    hiddenTextLabel: 'Hidden text:',
    hide: 'Hide',
    hideWhat: 'Hide the comment by {{author}}',
    hideFormLabel: 'Hide this comment',
    reasonLabel: 'Reason',
    noteLabel: 'Note (optional, for the author and moderators)',
    hideConfirm: 'Hide comment',
    cancel: 'Cancel',
    newComment: 'New comment on {{standard}}',
    newComments: '{{count}} new comments on {{standard}}',
  },
  validation: {
    nameRequired: 'Please enter your name.',
    nameTooLong: 'A name is at most {{max}} characters.',
    titleRequired: 'A standard needs a title.',
    titleTooLong: 'A title is at most {{max}} characters.',
  },
  errors: {
    bad_request: 'That was not accepted: {{message}}',
    unauthorized: 'This link is not valid, or it has been revoked. Ask the facilitators for a new one.',
    forbidden: 'Your role does not allow that.',
    muted:
      'A moderator has muted you, so that was not taken. You can read along; the mute ends by itself or when a moderator lifts it.',
    not_found: 'This link is not valid, or it has been revoked. Ask the facilitators for a new one.',
    too_large: 'That change is too large to save.',
    rate_limited: 'Too many changes at once. Wait a moment and try again.',
    limit_reached: 'A limit was reached: {{message}}',
    locked: 'This standard is locked, so the change was not saved.',
    vote_closed: 'The vote has closed, so that was not recorded.',
    vote_paused: 'The vote is paused: too few members are present. That was not recorded.',
    archived: 'This assembly is archived: it can be read, not changed.',
    unavailable: 'The server could not be reached. Check your connection and try again.',
    protocol_mismatch: 'Moot has been updated. Reload the page to continue.',
    internal: 'Something went wrong on the server. Try again in a moment.',
    network: 'The server could not be reached. Check your connection and try again.',
    unexpected: 'The server sent an unexpected answer. Try again in a moment.',
  },
  // ---- Decisions: votes, the standards' lifecycle, amendments, minority reports, exports ----
  votes: {
    heading: 'Votes',
    none: 'No votes yet.',
    statuses: { open: 'Voting open', closed: 'Closed' },
    subjects: {
      adopt_standard: 'Adoption of a standard',
      amendment: 'Amendment',
      consequence: 'Consequence of a breach',
      question: 'Question',
      final_ballot: 'Final ballot',
    },
    methods: {
      yes_no: 'Yes / no',
      consent: 'Consent (gradients of agreement)',
      approval: 'Approval',
      ranked: 'Ranked choice (instant runoff)',
      support: 'Support scale',
    },
    thresholds: { simple: 'more than half', two_thirds: 'at least two thirds', share: 'at least {{percent}}%' },
    rulesYesNo: 'Passes with {{threshold}} of the yes and no votes; abstentions are not counted.',
    rulesYesNoAbstentions: 'Passes with {{threshold}} yes of all votes, abstentions included.',
    rulesConsent:
      'Passes when nobody blocks and at least {{percent}}% agree (endorse, agree or agree with reservations), not counting those who stand aside.',
    rulesApproval: 'Approve as many options as you like; the option with the most approvals wins.',
    rulesRanked:
      'Rank the options in order of preference; counted by instant runoff, the option with fewest votes out each round.',
    turnout: '{{turnout}} of {{eligible}} members have voted. Quorum: {{quorum}}.',
    proposedWording: 'Proposed wording:',
    readStandard: 'Read “{{title}}” in the charter',
    secretNote: 'Ballots are secret. Until the vote closes, everyone sees only how many have voted.',
    ballotLegend: 'Your ballot',
    choices: { yes: 'Yes', no: 'No', abstain: 'Abstain' },
    consent: {
      endorse: 'Endorse',
      agree: 'Agree',
      agree_with_reservations: 'Agree with reservations',
      stand_aside: 'Stand aside',
      disagree: 'Disagree',
      block: 'Block',
    },
    consentHints: {
      endorse: 'I fully support this.',
      agree: 'I support this.',
      agree_with_reservations: 'I can support this, but I have concerns I want noted.',
      stand_aside: 'I will not support this, but I will not stop the group going ahead.',
      disagree: 'I do not support this; my ballot counts against it but does not stop it.',
      block: 'I cannot accept this. One block stops it.',
    },
    approveLegend: 'The options you approve',
    rankedLegend: 'Your ranking, most preferred first',
    rankedEmpty: 'Nothing ranked yet. Rank options from the list below.',
    rankedHint: 'Rank the options you want, best first. You do not have to rank them all.',
    unrankedHeading: 'Not ranked yet',
    rank: 'Rank',
    rankLabel: 'Rank: {{option}}',
    moveUp: 'Up',
    moveUpLabel: 'Move up: {{option}}',
    moveDown: 'Down',
    moveDownLabel: 'Move down: {{option}}',
    unrank: 'Remove',
    unrankLabel: 'Remove from ranking: {{option}}',
    rankedNow: '{{option}}: place {{place}}',
    unrankedNow: '{{option}}: not ranked',
    reasonLabel: 'Reason (optional)',
    reasonHint: 'Published with the ballots when the vote closes, without your name. Up to {{max}} characters.',
    addReason: 'Add a reason',
    cast: 'Cast my ballot',
    change: 'Change my ballot',
    chooseFirst: 'Choose an answer before casting your ballot.',
    rankFirst: 'Rank at least one option before casting your ballot.',
    sending: 'Sending your ballot…',
    retrying:
      'Still sending your ballot (attempt {{attempts}}). It is sent again with the same id, so it is counted once.',
    counted: 'Counted. Your receipt: {{receipt}}',
    countedNoReceipt: 'Counted. This vote gives no receipts, so nobody can prove how you voted.',
    receiptHint: 'Keep the receipt to find your ballot in the published list after the vote closes.',
    yourBallot: 'Your ballot: {{choice}}',
    refused: 'Your ballot was not counted. {{error}}',
    closedBeforeConfirmed: 'The vote closed before the server confirmed your ballot.',
    earlierStillCounts: 'Your earlier ballot still counts.',
    moderatorsDoNotVote: 'Moderators facilitate and do not vote.',
    close: 'Close vote',
    closeLabel: 'Close the vote: {{question}}',
    resultHeading: 'Result',
    verdicts: {
      no_quorum: 'No quorum',
      adopted: 'Adopted',
      not_adopted: 'Not adopted',
      carried: 'Carried',
      not_carried: 'Not carried',
      chosen: 'Chosen: {{option}}',
      no_winner: 'No option chosen',
    },
    ballotsSummary: '{{ballots}} ballots from {{eligible}} members present; quorum {{quorum}}.',
    ballotsSplit: '{{online}} cast online, {{paper}} on paper in the room.',
    countsCaption: 'Ballots per choice',
    approvalCaption: 'Approvals per option',
    firstPreferencesCaption: 'First preferences',
    columnChoice: 'Choice',
    columnCount: 'Ballots',
    columnShare: 'Share',
    share: '{{percent}}%',
    winner: 'Winner',
    roundsCaption: 'Instant-runoff rounds',
    columnOption: 'Option',
    round: 'Round {{round}}',
    out: 'out',
    eliminatedIn: 'out in round {{round}}',
    yourReceiptFound: 'Your ballot (receipt {{receipt}}) is in the published list.',
    yourReceiptMissing: 'Your receipt {{receipt}} is not in the published list.',
    checkReceiptLabel: 'Check a receipt',
    checkReceipt: 'Check',
    receiptFound: 'A ballot with this receipt is in the published list.',
    receiptMissing: 'No ballot with this receipt is in the published list.',
    publishedHeading: 'Published ballots ({{count}})',
    publishedHint: 'Without names or times, in receipt order: anyone can count them again.',
    publishedHintNoReceipts: 'Without names, times or receipts, sorted by choice: anyone can count them again.',
    publishedBallotNoReceipt: '{{choice}}',
    publishedBallot: '{{receipt}}: {{choice}}',
    publishedReason: 'Reason: {{reason}}',
    opened: 'Voting opened on: {{question}}',
    closedAnnouncement: 'Voting closed: {{question}} {{explanation}}',
  },
  lifecycle: {
    heading: 'Standards: locking and consequence ladders',
    hint: 'Locking freezes a standard’s text for everyone; only a locked standard can be put to an adoption vote.',
    lock: 'Lock',
    lockLabel: 'Lock: {{title}}',
    unlock: 'Unlock',
    unlockLabel: 'Unlock: {{title}}',
    ladderHeading: 'Consequences of a breach',
    ladderHint: 'Possible consequences, mildest first. They can change until the standard is adopted.',
    ladderEmpty: 'No consequences listed yet.',
    ladderLabel: 'Consequence ladder of “{{title}}”',
    stepLabel: 'New consequence for “{{title}}”',
    addStep: 'Add',
    stepMoveUp: 'Move up: {{step}}',
    stepMoveDown: 'Move down: {{step}}',
    stepRemove: 'Remove: {{step}}',
    saveLadder: 'Save ladder',
    saveLadderLabel: 'Save the ladder of “{{title}}”',
    ladderSaved: 'Ladder saved.',
    ladderUnsaved: 'Unsaved changes.',
    ladderFull: 'A ladder has at most {{max}} steps.',
    ladderFixed: 'This standard is {{status}}: its ladder no longer changes.',
  },
  amendments: {
    heading: 'Amendments ({{count}})',
    empty: 'No amendments proposed.',
    statuses: { proposed: 'Proposed', tabled: 'Tabled for a vote', adopted: 'Adopted', rejected: 'Rejected' },
    proposedBy: 'Proposed by {{name}}',
    cosignedBy: 'Co-signed by {{names}}',
    noCosigners: 'No co-signers yet.',
    reason: 'Why: {{reason}}',
    cosign: 'Co-sign',
    cosignLabel: 'Co-sign the amendment proposed by {{name}}',
    signed: 'You signed this.',
    proposeHeading: 'Propose an amendment',
    textLabel: 'New wording',
    textHint: 'The new text of the standard, up to {{max}} characters.',
    reasonLabel: 'Why (optional)',
    reasonHint: 'Up to {{max}} characters.',
    propose: 'Propose amendment',
    sending: 'Sending…',
    required: 'Write the new wording first.',
    tooLong: 'The wording is at most {{max}} characters.',
    tableHeading: 'Amendments waiting for a vote',
    noneToTable: 'No amendments are waiting to be tabled.',
    tableFor: 'To “{{title}}”, proposed by {{name}}',
    table: 'Table for a vote',
    tableLabel: 'Table the amendment to “{{title}}” proposed by {{name}}',
    tableSubmit: 'Open the vote on this amendment',
    cancel: 'Cancel',
    dissentsHeading: 'Minority reports ({{count}})',
    dissentsEmpty: 'No minority reports.',
    signedBy_one: 'Signed by {{names}}',
    signedBy_other: 'Signed by {{count}} members: {{names}}',
    writeDissent: 'Write a minority report',
    dissentLabel: 'Minority report',
    dissentHint: 'Stays attached to this standard wherever it is shown or exported. Up to {{max}} characters.',
    submitDissent: 'Attach minority report',
    cosignDissentLabel: 'Co-sign the minority report signed by {{names}}',
  },
  exports: {
    heading: 'The charter on record',
    hint: 'Each standard with its status, text, history, votes and minority reports.',
    json: 'Download the charter (JSON)',
    markdown: 'Download the charter (Markdown)',
    downloading: 'Preparing the download…',
  },
  cases: {
    heading: 'Breach cases',
    none: 'No breach cases.',
    caseTitle: 'Case {{number}}: {{role}}',
    statuses: {
      open: 'Open',
      hearing: 'Hearing',
      deliberating: 'Deliberating',
      decided: 'Decided',
      dismissed: 'Dismissed',
    },
    respondentLabel: 'Concerning',
    respondentNamed: '{{name}}, {{role}}',
    standardsLabel: 'Standards alleged to be breached',
    unknownStandard: 'A standard no longer in the charter',
    openedByLabel: 'Opened by',
    timelineLabel: 'When',
    timeline: {
      opened: 'Opened {{date}}',
      hearing: 'Heard from {{date}}',
      deliberating: 'Deliberated from {{date}}',
      decided: 'Decided {{date}}',
      dismissed: 'Dismissed {{date}}',
    },
    summaryHeading: 'Summary',
    evidenceHeading: 'Evidence ({{count}})',
    noEvidence: 'No evidence listed.',
    newTab: '(opens in a new tab)',
    replyHeading: 'The leader’s reply',
    noReply: 'No reply recorded yet.',
    dismissedBecause: 'Dismissed: {{reason}}',
    decisionHeading: 'Decision',
    breachFound: 'A breach was found.',
    noBreach: 'No breach was found.',
    reasoningHeading: 'Reasoning',
    reasoningLabel: 'Reasoning of case {{number}}',
    reasoningHint: 'Members and moderators write the reasoning together while the case is deliberated.',
    reasoningFixed: 'The reasoning can be edited only while the case is deliberated.',
    reasoningLater: 'The reasoning is drafted together once the case is deliberated.',
    votesHeading: 'Consequence vote',
    steeringLabel: 'Steer case {{number}}',
    toHearing: 'Move to hearing',
    toHearingLabel: 'Move case {{number}} to hearing',
    toDeliberation: 'Open deliberation',
    toDeliberationLabel: 'Open deliberation on case {{number}}',
    replyLabel: 'The leader’s reply to case {{number}}',
    replyHint: 'Up to {{max}} characters. Recording it again replaces the earlier reply.',
    recordReply: 'Record the reply',
    replaceReply: 'Replace the reply',
    replyRequired: 'Write the reply first.',
    openVoteHint: 'A secret ranked vote among these consequences, mildest first:',
    openVote: 'Open the consequence vote on case {{number}}',
    voteIsOpen: 'The consequence vote is open: close it from its card below.',
    dismiss: 'Dismiss case {{number}}…',
    dismissReasonLabel: 'Reason for dismissing',
    dismissSubmit: 'Dismiss case {{number}}',
    reasonRequired: 'Give a reason first.',
    openHeading: 'Open a breach case',
    roleLabel: 'Role concerned',
    roleHint: 'The office, for example “Director of Housing”.',
    nameLabel: 'Name of the role-holder (optional)',
    nameHint: 'Public, as the whole case is.',
    citeLegend: 'Adopted standards alleged to be breached',
    noAdopted: 'No standard is adopted yet: a case can only cite adopted standards.',
    summaryLabel: 'Summary of the case',
    summaryHint: 'What happened, up to {{max}} characters.',
    evidenceLegend: 'Evidence',
    evidenceDescriptionLabel: 'Evidence {{number}}: what it shows',
    evidenceLinkLabel: 'Evidence {{number}}: link (optional)',
    removeEvidence: 'Remove evidence {{number}}',
    addEvidence: 'Add evidence',
    evidenceFull: 'A case holds at most {{max}} pieces of evidence.',
    submit: 'Open the case',
    opening: 'Opening…',
    problems: {
      role: 'Name the role concerned.',
      name: 'The name is too long.',
      standards: 'Cite between 1 and {{max}} adopted standards.',
      summary: 'Write a summary of up to {{max}} characters.',
      evidenceDescription: 'Describe evidence {{number}}.',
      evidenceLink: 'The link of evidence {{number}} must be a full http(s) address.',
    },
    announce: {
      opened: 'Case {{number}} opened: {{role}}.',
      hearing: 'Case {{number}} moved to hearing.',
      deliberating: 'Case {{number}} moved to deliberation.',
      replied: 'Case {{number}}: the leader’s reply was recorded.',
      voteOpened: 'Case {{number}}: the consequence vote is open.',
      undecided: 'Case {{number}}: the vote decided nothing. {{explanation}}',
      decided: 'Case {{number}} decided: {{outcome}}.',
      dismissed: 'Case {{number}} dismissed: {{reason}}',
    },
    registerHeading: 'The register of cases',
    registerHint: 'Every case with its evidence, reply, reasoning, decision and tally.',
    registerJson: 'Download the register of cases (JSON)',
    registerMarkdown: 'Download the register of cases (Markdown)',
  },
  record: {
    nav: 'The public record',
    printCharter: 'Charter, ready to print',
    auditLog: 'Audit log',
    report: 'The assembly’s report, ready to print',
    minutes: 'Session minutes',
    back: 'Back to the assembly',
    backToWatch: 'Back to the live view',
    downloadMarkdown: 'Download as Markdown',
    downloadJson: 'Download as JSON',
    casesMarkdown: 'Download the register of cases',
    loading: 'Loading the record…',
    exportedAt: 'Exported {{at}}',
  },
  language: {
    label: 'Language',
    // Each language is named in itself, so a reader finds theirs whatever is showing.
    names: { en: 'English', cy: 'Cymraeg' },
  },
  easyRead: {
    show: 'Easy read',
    hide: 'Full text',
    toggleLabel: 'Easy read version of {{title}}',
    heading: 'Easy read',
    hint: 'The same standard in short sentences and everyday words.',
    label: 'Easy read version of {{title}}',
  },
  live: {
    edited: 'Standard {{position}} edited by {{name}}',
    editedEasyRead: 'Easy read of standard {{position}} edited by {{name}}',
    someone: 'a co-editor',
    editingNow: 'Editing now: {{names}}',
  },
  sinceLastLooked: {
    summary: 'Since you last looked: {{changes}}.',
    added_one: '{{count}} word added',
    added_other: '{{count}} words added',
    removed_one: '{{count}} word removed',
    removed_other: '{{count}} words removed',
    markSeen: 'Mark as seen',
  },
  ...enPassportLink,
  ...enNames,
} as const;

/**
 * The plural forms English does not use but other languages do (Welsh has all six): for every
 * `x_other`, an optional `x_zero`, `x_two`, `x_few` and `x_many`. i18next picks the form with
 * `Intl.PluralRules` and falls back to `x_other`.
 */
type ExtraPlurals<T> = {
  readonly [
    K in keyof T as K extends `${infer Base}_other` ? `${Base}_${'zero' | 'two' | 'few' | 'many'}` : never
  ]?: string;
};

/** The shape every translation must have: the same keys (a missing one fails the typecheck), any strings. */
type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> } & ExtraPlurals<T>;
/** All of English: what every page bundles plus what loads with the console and the record pages. */
export type English = typeof en &
  typeof enConsole &
  typeof enRecord &
  typeof enVoteForm &
  typeof enJoin &
  typeof enOrganise &
  typeof enMembers &
  typeof enMembersErrors &
  typeof enMembersPublic &
  typeof enDesk &
  typeof enEvidence &
  typeof enWatchLive &
  typeof enMember &
  typeof enPresent &
  typeof enConsensus &
  typeof enProgramme &
  typeof enFacilitator &
  typeof enMemberAccess &
  typeof enDevices &
  typeof enAccountability &
  typeof enFinalBallot &
  typeof enGroupFloor &
  typeof enHistory &
  typeof enSuggestions &
  typeof enPassport &
  typeof enAppeals &
  typeof enReport &
  typeof enPanels &
  typeof enQuorum &
  typeof enRefusalsDecisions &
  typeof enRefusalsRoom &
  typeof enWords;
export type Messages = Translation<English>;
