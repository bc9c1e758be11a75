import { enAppealsLog } from './enAppealsLog.ts';

/**
 * Appeals against moderation: the member's appeal under the notice, the moderators' pane and
 * the public log's lines. Loaded with the modules that show them (`addEnglish`). Welsh:
 * `cyAppeals.ts`. The server's refusals (`appeal.*` reason keys) are worded under `reasons.appeal`
 * (`ErrorNotice` words them), loaded with these pages.
 */
export const enAppeals = {
  appeals: {
    memberHeading: 'Moderation about you',
    actions: {
      mute: 'You were muted',
      remove: 'You were removed from a session',
      hide_comment: 'A comment of yours was hidden',
    },
    caseLine: '{{action}} on {{date}} by {{moderator}}. Reason: {{reason}}.',
    byUnknown: 'a moderator',
    yourComment: 'Your comment: “{{text}}”',
    appeal: 'Appeal',
    appealOf: 'Appeal: {{action}}',
    formLabel: 'Why should this be undone?',
    formHint:
      'A moderator other than the one who acted will decide. Your reason is public: it appears in the moderation log and the record under the name the public sees for you. Please do not name anyone.',
    send: 'Send appeal',
    cancel: 'Cancel',
    sent: 'Your appeal was sent.',
    pending: 'Appeal sent: a moderator other than the one who acted will decide.',
    waits:
      'Appeal sent. No other moderator holds a seat yet, so your appeal waits until the organisers appoint one: the moderator who acted cannot decide it.',
    upheld: 'Your appeal was not accepted (upheld by {{moderator}}): “{{reason}}”',
    overturned: 'Your appeal was accepted (overturned by {{moderator}}): “{{reason}}”',
    overturnedEffect: {
      mute: 'Your mute is lifted.',
      remove: 'You may check in to the session again.',
      hide_comment: 'Your comment shows again.',
    },
    yourReason: 'Your reason: “{{reason}}”',
    dismiss: 'Done',
    waiting_one: '{{count}} appeal waits for your decision.',
    waiting_other: '{{count}} appeals wait for your decision.',
    showAppeals: 'Show appeals',
    consoleHeading: 'Appeals',
    consoleEmpty: 'No appeals waiting.',
    consoleCase: '{{member}}: {{action}} on {{date}} by {{moderator}} ({{reason}})',
    consoleActions: {
      mute: 'muted',
      remove: 'removed from a session',
      hide_comment: 'comment hidden',
    },
    note: 'Moderator’s note: {{note}}',
    hiddenComment: 'The comment: “{{text}}”',
    memberReason: 'Appeal: “{{reason}}”',
    ownAction: 'You took this action, so another moderator decides this appeal.',
    ownActionAlone:
      'You took this action and no other moderator holds a seat: the appeal waits until the organisers appoint another moderator.',
    decisionLabel: 'Reason for your decision (public)',
    uphold: 'Uphold (the action stands)',
    overturn: 'Overturn (undo it)',
    decided: '{{status}} by {{moderator}}: “{{reason}}”',
    statuses: { pending: 'Pending', upheld: 'Upheld', overturned: 'Overturned' },
    decidedHeading: 'Decided',
    ...enAppealsLog.appeals,
  },
  reasons: {
    appeal: {
      notFound: 'That moderation action is not there to appeal.',
      already: 'This action has already been appealed: each action is appealed once.',
      tooLate: 'Actions may be appealed for {{days}} days; this one is older.',
      ownAction: 'You took this action: a moderator other than you decides its appeal.',
      decided: 'This appeal has already been decided.',
    },
  },
};
